import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fordela } from "../helpers/cli";
import { createCliEnvironment } from "../helpers/db";
import { startServer, type StartedServer } from "../helpers/server-process";

// A second process on an embedded data directory would run a second PostgreSQL over the same
// files and lose what either writes: it is refused, naming the server that holds the directory.
// On PostgreSQL any number of processes may share the database, and the CLI's change is seen.

const embedded = !process.env.DATABASE_URL;

/** The launcher gives the server process its own V8 options (bin/node-options.mjs). */
function expectServerOptions(server: StartedServer): void {
  expect(readFileSync(`/proc/${server.pid}/cmdline`, "utf8").split("\0")).toEqual(expect.arrayContaining(["--max-old-space-size=1024", "--max-semi-space-size=32", "serve"]));
}

describe("one process per data directory", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let server: StartedServer | undefined;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    env = { ...env, FORDELA_INSECURE_COOKIES: "1" };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await drop();
  });

  it.runIf(embedded)("refuses a command while the server holds the embedded directory, naming its pid and address, then runs once it has stopped", async () => {
    server = await startServer(env);
    expectServerOptions(server);
    const lockFile = join(env.FORDELA_DATA_DIR!, "fordela.lock");
    expect(JSON.parse(readFileSync(lockFile, "utf8"))).toMatchObject({ pid: server.pid, command: "serve", url: server.url });

    const refused = fordela(env, "user", "add", "anna", "--org", "23", "--role", "handläggare");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`används redan av servern (fordela serve, pid ${server.pid}, ${server.url})`);
    expect(refused.stderr).toContain(`Gör ändringen i webbgränssnittet på ${server.url}`);
    expect(refused.stdout).not.toContain("Engångslösenord");

    await server.stop();
    server = undefined;
    expect(existsSync(lockFile)).toBe(false);
    const added = fordela(env, "user", "add", "anna", "--org", "23", "--role", "handläggare");
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(fordela(env, "user", "list").stdout).toContain("anna");
  }, 300_000);

  it.runIf(embedded)("takes over a lock left by a process that is gone (a crash)", () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const lockFile = join(env.FORDELA_DATA_DIR!, "fordela.lock");
    writeFileSync(lockFile, JSON.stringify({ pid: Number(gone.stdout), command: "serve", url: "http://127.0.0.1:3000", startedAt: "2026-12-05T01:00:00.000Z" }));
    const listed = fordela(env, "user", "list");
    expect(listed.stderr).toBe("");
    expect(listed.code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  }, 120_000);

  it.runIf(!embedded)("lets a command change the shared PostgreSQL database while the server runs, and the server sees it", async () => {
    server = await startServer(env);
    expectServerOptions(server);
    const added = fordela(env, "user", "add", "anna", "--org", "23", "--role", "handläggare");
    expect(added.code).toBe(0);
    const password = /Engångslösenord[^:]*: (\S+)/.exec(added.stdout)![1]!;
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: server.url }, body: JSON.stringify({ username: "anna", password }) });
    expect(login.status).toBe(200);
  }, 300_000);
});
