// Whether the compiled CLI may be run: it exists and no server-side source file is newer than it.
// A developer who edits src/ after `npm run build` gets the sources through tsx, not old code.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "web") newest = Math.max(newest, newestSource(path));
    } else if (/\.(ts|sql)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export function builtEntryIfCurrent(root) {
  const built = join(root, "dist/server/fordela.mjs");
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return undefined;
  }
  return newestSource(join(root, "src")) <= builtAt ? built : undefined;
}
