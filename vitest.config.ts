import { defineConfig } from "vitest/config";

// One JSON report per run lets scripts/test.mjs and .ci/run count results across suites.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // Generous: CLI and browser tests start real processes, and CI machines may be busy.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Migrated template databases, built once per run (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // A third of each file's time was importing the same modules again; tests keep no state in
    // modules (each opens its own database and app), so the workers reuse what they loaded.
    isolate: false,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
