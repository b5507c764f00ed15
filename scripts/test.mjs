#!/usr/bin/env node
// The README's test command: type check, lint, then every Vitest suite.
// Writes test-results/summary.json so .ci/run can add the PGlite and PostgreSQL runs together.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const db = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status === 0;
}

mkdirSync("test-results", { recursive: true });
// The type check and lint do not depend on the database: .ci/run asks for them once, not per database.
const staticChecks = process.env.FORDELA_SKIP_STATIC_CHECKS === "1" ? [] : [
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint", "npx", ["eslint", "."]],
];
for (const [name, cmd, args] of staticChecks) {
  if (step(name, cmd, args)) passed++;
  else failed++;
}

rmSync("test-results/vitest.json", { force: true });
const vitestOk = step(`vitest (${db})`, "npx", ["vitest", "run", ...process.argv.slice(2)]);
try {
  const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no tests in it but must still count as a failure.
  failed += report.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
} catch {
  failed++;
}
if (!vitestOk && failed === 0) failed++;

writeFileSync("test-results/summary.json", JSON.stringify({ db, passed, failed }));
console.log(`\n${db}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
