// Options for every Node process that runs Fördela: the installed command, `npm start` and the
// benchmark's database processes, so that what is measured is what runs.
//
// A bounded old generation makes V8 collect sooner: with a limit below 2 GB it lets the heap grow
// to about 1.6 × the live data between full collections, where a large machine's default allows
// 4 ×. A million-row SIE import on PGlite peaked at 500–560 MB with the default and 390–410 MB
// with this; the server's live data is far below the limit (an import holds about 60 MB).
export const NODE_OPTIONS = ["--max-old-space-size=1024"];

// A server allocates a little for every request and drops it at once. V8's default young
// generation (16 MB semi-spaces) fills in a few hundred requests under load, and each scavenge
// stops the one thread that answers; at 32 MB a plain read at 200 connections on PostgreSQL
// answered 20–25 % more requests a second on a 2-core machine (`npm run bench`), for at most
// 48 MB more memory. Only the server gets it: a command's memory stays as it was.
const SERVER_OPTIONS = ["--max-semi-space-size=32"];

/** The options for a process that runs `fordela <command>`. */
export function nodeOptionsFor(command) {
  return command === "serve" ? [...NODE_OPTIONS, ...SERVER_OPTIONS] : NODE_OPTIONS;
}
