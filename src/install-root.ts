import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder Fördela is installed in (where package.json, data/ and src/db/migrations are).
 * Found by walking up from this module rather than by a fixed relative path, because the same
 * code runs from src/ through tsx in development and from one bundled file in dist/ in production.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data", "reference"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Fördelas installationsmapp hittades inte (package.json och data/reference saknas).");
    dir = parent;
  }
}

export const installRoot = findRoot();

export function installPath(...parts: string[]): string {
  return join(installRoot, ...parts);
}
