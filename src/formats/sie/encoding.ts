import iconv from "iconv-lite";

/** The 256 characters of IBM code page 437 ("PC8" in SIE), indexed by byte. */
const CP437: readonly string[] = Array.from(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), "cp437"));
const CP437_BYTE = new Map<string, number>(CP437.map((ch, i) => [ch, i]));

/** Characters outside CP437 that have an obvious stand-in; anything else becomes "?". */
const STAND_INS: Record<string, string> = {
  "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
  "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2026": "...", "\u20ac": "EUR",
};

export type SieEncoding = "cp437" | "utf8";

export function decodeCp437(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += CP437[bytes[i]!];
  return out;
}

/** Encodes text as CP437; characters the code page lacks are replaced (see STAND_INS). */
export function encodeCp437(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const byte = CP437_BYTE.get(ch);
    if (byte !== undefined) {
      out.push(byte);
      continue;
    }
    for (const c of STAND_INS[ch] ?? "?") out.push(c.charCodeAt(0));
  }
  return Buffer.from(out);
}

export function encodeText(text: string, encoding: SieEncoding): Buffer {
  return encoding === "utf8" ? Buffer.from(text, "utf8") : encodeCp437(text);
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/** True when the bytes have non-ASCII content and all of it is well-formed UTF-8. */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      high = true;
      break;
    }
  }
  if (!high) return false;
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
