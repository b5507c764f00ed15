import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fordela } from "../helpers/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";

// Starts `fordela serve --demo` as a user would, through the installed command (bin/fordela.mjs). Module load order differs from the unit tests'
// (the CLI loads demo data and the core before the routes), so this catches start-up failures
// that no in-process test sees.
describe("fordela serve", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(() => drop());

  it("starts with the demo data, prints the one-time admin password once, serves the API and stops on SIGTERM", async () => {
    let url: string | undefined;
    const child = spawn(process.execPath, ["bin/fordela.mjs", "serve", "--demo", "--port", "0"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 90_000);
        child.stdout.on("data", () => {
          const match = /Fördela körs på (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(output).toMatch(/lösenord:\s+\S{20}/);
      const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
      const me = await fetch(`${url}/api/auth/me`);
      expect(me.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    // The launcher passed the signal on: the server process that did the work has stopped too.
    await expect(fetch(`${url}/api/auth/me`)).rejects.toThrow();
  });

  it("names a port already in use in one Swedish line and exits 1 without a stack trace", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = fordela(env, "serve", "--port", String(port));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^Fel: Porten ${port} på 127\\.0\\.0\\.1 används redan`));
      expect(r.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
