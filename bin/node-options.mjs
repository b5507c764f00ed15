// Options for every Node process that runs Fördela: the installed command, `npm start` and the
// benchmark's database processes, so that what is measured is what runs.
//
// A bounded old generation makes V8 collect sooner: with a limit below 2 GB it lets the heap grow
// to about 1.6 × the live data between full collections, where a large machine's default allows
// 4 ×. A million-row SIE import on PGlite peaked at 500–560 MB with the default and 390–410 MB
// with this; the server's live data is far below the limit (an import holds about 60 MB).
export const NODE_OPTIONS = ["--max-old-space-size=1024"];
