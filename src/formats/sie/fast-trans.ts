import type { SieObjectRef, SieTransaction } from "./records";
import { parseDate, parseQuantity, SieValueError } from "./values";

// Character codes.
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const isSpace = (c: number): boolean => c === SPACE || c === TAB;

/** Amounts with more integer digits than this may not be safe integers in öre: the general path decides. */
const MAX_KRONOR_DIGITS = 13;

/**
 * Reads the common shape of a #TRANS row in one pass over the text, without the token and field
 * objects of the general path: `#TRANS konto {dim "obj" …} belopp [transdat [text [kvantitet [sign]]]]`.
 * Returns null for anything else (another tag or case, a missing object list, escapes, a malformed
 * value, …), and the caller then reads the line the general way: that path alone reports errors
 * and warnings, so a line read here gives exactly the record the general path would give.
 */
export function fastTransaction(text: string, line: number): SieTransaction | null {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (!text.startsWith("#TRANS", i)) return null;
  i += 6;
  if (i >= n || !isSpace(text.charCodeAt(i))) return null;
  while (i < n && isSpace(text.charCodeAt(i))) i++;

  // Account: a plain word.
  const accountStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) break;
    // Digits only: anything else is left to the general path, which refuses it.
    if (c < ZERO || c > NINE) return null;
    i++;
  }
  if (i === accountStart || i >= n) return null;
  const account = text.slice(accountStart, i);
  while (i < n && isSpace(text.charCodeAt(i))) i++;

  // Object list: pairs of a dimension number and an object code, quoted or bare.
  if (text.charCodeAt(i) !== OPEN) return null;
  i++;
  const objects: SieObjectRef[] = [];
  let dimension = -1;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return null;
    const c = text.charCodeAt(i);
    if (c === CLOSE) {
      i++;
      break;
    }
    let item: string;
    if (c === QUOTE) {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      item = text.slice(i + 1, end);
      if (item.includes("\\")) return null;
      i = end + 1;
    } else {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isSpace(d) || d === CLOSE) break;
        if (d === QUOTE || d === OPEN || d === BACKSLASH) return null;
        i++;
      }
      item = text.slice(start, i);
    }
    if (dimension < 0) {
      if (item.length === 0 || item.length > 9) return null;
      let d = 0;
      for (let k = 0; k < item.length; k++) {
        const digit = item.charCodeAt(k) - ZERO;
        if (digit < 0 || digit > 9) return null;
        d = d * 10 + digit;
      }
      dimension = d;
    } else {
      objects.push({ dimension, code: item });
      dimension = -1;
    }
  }
  if (dimension >= 0) return null;
  if (i < n && !isSpace(text.charCodeAt(i))) return null;
  while (i < n && isSpace(text.charCodeAt(i))) i++;

  // Amount: [-]digits[.d[d]], built as whole öre without a float.
  let negative = false;
  if (text.charCodeAt(i) === MINUS) {
    negative = true;
    i++;
  }
  let kronor = 0;
  let digits = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    kronor = kronor * 10 + (c - ZERO);
    digits++;
    i++;
  }
  if (digits === 0 || digits > MAX_KRONOR_DIGITS) return null;
  let ore = kronor * 100;
  if (text.charCodeAt(i) === DOT) {
    i++;
    const c1 = text.charCodeAt(i);
    if (!(c1 >= ZERO && c1 <= NINE)) return null;
    ore += (c1 - ZERO) * 10;
    i++;
    const c2 = text.charCodeAt(i);
    if (c2 >= ZERO && c2 <= NINE) {
      ore += c2 - ZERO;
      i++;
    }
  }
  if (i < n && !isSpace(text.charCodeAt(i))) return null;
  const amount = negative ? -ore || 0 : ore;
  const t: SieTransaction = { kind: "TRANS", line, account, objects, amount };

  // Up to four optional fields; "" counts as absent, as in the general path. Read into locals,
  // not an array: this runs once per row of a million-row file.
  let count = 0;
  let date = "";
  let rowText = "";
  let quantity = "";
  let signature = "";
  while (count < 4) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === OPEN || c === CLOSE) return null;
    let value: string;
    if (c === QUOTE) {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      value = text.slice(i + 1, end);
      if (value.includes("\\")) return null;
      i = end + 1;
      if (i < n && !isSpace(text.charCodeAt(i))) return null;
    } else {
      const start = i;
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      value = text.slice(start, i);
      if (value.includes('"') || value.includes("{") || value.includes("\\")) return null;
    }
    if (count === 0) date = value;
    else if (count === 1) rowText = value;
    else if (count === 2) quantity = value;
    else signature = value;
    count++;
  }
  if (count === 0) return t;
  // More fields than the standard's eight are ignored by the general path too, but such a line
  // may hold a list or a quote further on that the general path would refuse: leave it to it.
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i < n) return null;
  try {
    if (date) t.date = cachedDate(date);
    if (rowText) t.text = rowText;
    if (quantity) t.quantity = parseQuantity(quantity);
    if (signature) t.signature = signature;
  } catch (e) {
    if (e instanceof SieValueError) return null;
    throw e;
  }
  return t;
}

// A file has few distinct dates (one a day) on very many rows: each is checked and converted once.
// Only valid dates are kept; the map is emptied should a strange file hold very many.
const dates = new Map<string, string>();
const MAX_DATES = 10_000;

function cachedDate(raw: string): string {
  let d = dates.get(raw);
  if (d === undefined) {
    d = parseDate(raw);
    if (dates.size >= MAX_DATES) dates.clear();
    dates.set(raw, d);
  }
  return d;
}
