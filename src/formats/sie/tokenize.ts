/** A field of a SIE line: a word or quoted string, or an object list in braces. */
export type SieField = { kind: "text"; value: string } | { kind: "list"; items: string[] };

export interface SieLine {
  /** "#TRANS", "{" or "}" (tags upper-cased), or "" when the line starts with something else. */
  tag: string;
  fields: SieField[];
  /** Set when a quoted text ran to the end of the line without its closing quote. */
  unterminatedQuote?: boolean;
}

/** A line that cannot be split into fields; `detail` is Swedish, the caller adds the location. */
export class SieSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Splits one line into its tag and fields. Words are separated by spaces or tabs; quoted strings
 * may hold spaces, `\"` and `\\`; a backslash before anything else is kept as it is (real files
 * have `"1820\A012 Cykel"`). Returns null for an empty line.
 */
export function tokenizeLine(text: string): SieLine | null {
  const fields: SieField[] = [];
  const n = text.length;
  let i = 0;
  let tag: string | null = null;
  let unterminatedQuote = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (tag === null && (c === 0x7b || c === 0x7d)) {
      // A brace that starts the line opens or closes a #VER block; one inside a line is an object list.
      const rest = text.slice(i + 1).trim();
      if (rest === "" || c === 0x7d) {
        tag = c === 0x7b ? "{" : "}";
        i++;
        continue;
      }
    }
    if (c === 0x7b) {
      const [items, next] = readList(text, i + 1);
      fields.push({ kind: "list", items });
      i = next;
    } else if (c === 0x22) {
      // Some writers cut long texts at a fixed width, closing quote included: the text then ends
      // with the line, which is unambiguous for a last field, so it is read with a warning.
      const [value, next, closed] = readQuoted(text, i + 1, true);
      fields.push({ kind: "text", value });
      if (!closed) unterminatedQuote = true;
      i = next;
    } else {
      let j = i;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      i = j;
      if (tag === null && word.startsWith("#")) {
        tag = word.toUpperCase();
        continue;
      }
      fields.push({ kind: "text", value: word });
    }
    if (tag === null) tag = "";
  }
  if (tag === null) return null;
  return unterminatedQuote ? { tag, fields, unterminatedQuote } : { tag, fields };
}

function readQuoted(text: string, start: number, toEndOfLine = false): [string, number, boolean] {
  let out = "";
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
      out += text[i + 1];
      i += 2;
    } else if (ch === '"') {
      return [out, i + 1, true];
    } else {
      out += ch;
      i++;
    }
  }
  if (toEndOfLine) return [out, i, false];
  throw new SieSyntaxError(`citattecken saknar avslutning: "${truncate(text.slice(start - 1))}"`);
}

function readList(text: string, start: number): [string[], number] {
  const items: string[] = [];
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 0x7d) {
      return [items, i + 1];
    } else if (c === 0x22) {
      const [value, next] = readQuoted(text, i + 1);
      items.push(value);
      i = next;
    } else {
      let j = i;
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x7d) j++;
      items.push(text.slice(i, j));
      i = j;
    }
  }
  throw new SieSyntaxError(`objektlistan saknar avslutande "}": ${truncate(text.slice(start - 1))}`);
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
