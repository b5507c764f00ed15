#!/usr/bin/env node
// The installed command. Runs the compiled CLI (dist/server/fordela.mjs, made by `npm run build`)
// in plain Node when it is there and up to date; otherwise the TypeScript sources through tsx,
// so a checkout works without a build and a stale build is never run. Either way in a Node
// process started with the product's options (node-options.mjs).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeOptionsFor } from "./node-options.mjs";
import { builtEntryIfCurrent } from "./built-entry.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = process.env.FORDELA_RUN_SOURCE === "1" ? undefined : builtEntryIfCurrent(root);
// tsx is resolved from here, not from the working directory, so the command runs from anywhere.
const entry = built ? [built] : ["--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts")];
const child = spawn(process.execPath, [...nodeOptionsFor(process.argv[2]), ...entry, ...process.argv.slice(2)], { stdio: "inherit" });
// A service manager stops this process, not the one doing the work: pass its signals on.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
