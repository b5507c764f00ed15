#!/usr/bin/env node
// Compiles the server and CLI (src/cli/main.ts and everything it imports) to one JavaScript file,
// dist/server/fordela.mjs, so production runs plain Node without a run-time TypeScript compiler.
// Packages stay in node_modules (external); SQL migrations and reference data are read from the
// installation folder (src/install-root.ts), so nothing else needs copying.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// --outfile lets a test build beside the real build; it must stay inside the installation folder.
const outIndex = process.argv.indexOf("--outfile");
const outfile = outIndex > 0 ? process.argv[outIndex + 1] : join(root, "dist/server/fordela.mjs");
const outdir = dirname(outfile);
const started = Date.now();
// Split at the CLI's dynamic imports (one per command): an ESM bundle hoists every package it
// imports to its top, so one file loaded pdfmake, exceljs, openid-client and the server for
// `fordela --help` too (1 s of a 2 s command). Chunks go beside the entry, made anew each build.
rmSync(join(outdir, "chunks"), { recursive: true, force: true });
// kysely-pglite's index also exports its code generator, which loads jiti and Babel at import:
// half a second and 35 MB of every command. Its dialect's own module is bundled instead, so only
// what the dialect needs loads (its package's exports map offers no narrower entry).
const dialectOnly = {
  name: "kysely-pglite-dialect-only",
  setup(b) {
    b.onResolve({ filter: /^kysely-pglite$/ }, () => ({ path: join(root, "node_modules/kysely-pglite/dist/kysely-pglite.js") }));
    b.onResolve({ filter: /^#utils\/create-kysely\.js$/ }, () => ({ path: join(root, "node_modules/kysely-pglite/dist/utils/create-kysely.js") }));
  },
};
await build({
  plugins: [dialectOnly],
  entryPoints: { [basename(outfile, ".mjs")]: join(root, "src/cli/main.ts") },
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`Server och CLI byggda till ${outfile} på ${Date.now() - started} ms`);
