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
          ],
        },
      ],
    },
  },
);
