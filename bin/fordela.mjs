#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the installed command needs no build step, in a Node
// process started with the product's options (node-options.mjs).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_OPTIONS } from "./node-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(process.execPath, [...NODE_OPTIONS, "--import", "tsx", join(root, "src/cli/main.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
// A service manager stops this process, not the one doing the work: pass its signals on.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
