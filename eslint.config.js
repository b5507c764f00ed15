import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "test-results/**", ".fordela/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    // The browser's code takes its types from src/core and src/app: the database's tables and the
    // server's internals are not the API's shapes (issue 9).
    files: ["src/web/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db", "**/db/**"], message: "Webben hämtar typer från src/core eller src/app, inte src/db." },
            { group: ["**/server", "**/server/**"], message: "Webben hämtar typer från src/core eller src/app, inte src/server." },
            { group: ["**/ledger", "**/ledger/**", "!**/app/ledger", "!**/app/ledger/**", "**/formats", "**/formats/**", "**/cli", "**/cli/**"], message: "Webben hämtar typer från src/core eller src/app (huvudbokens: app/ledger/types)." },
          ],
        },
      ],
    },
  },
  // Dependencies point one way: core ← formats ← db ← ledger ← app ← server/cli (ARCHITECTURE.md).
  // Tests may reach further (a format's test loads data from the database).
  layer("src/core/**", ["formats", "db", "ledger", "app", "server", "cli", "web"]),
  layer("src/formats/**", ["db", "ledger", "app", "server", "cli", "web"]),
  layer("src/db/**", ["ledger", "app", "server", "cli", "web"]),
);

/** Forbids a folder's (non-test) files to import from the layers above it. */
function layer(files, above) {
  return {
    files: [files],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: above.map((name) => ({ group: [`**/${name}`, `**/${name}/**`], message: `${files.replace("/**", "")} importerar inte från src/${name} (beroenden pekar åt ett håll).` })) }],
    },
  };
}
