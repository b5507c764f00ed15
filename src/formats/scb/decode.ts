import iconv from "iconv-lite";

/**
 * Text of a downloaded file. SCB's CSV downloads come as UTF-8 (often with a BOM) or, from older
 * PX-Web versions and Excel re-saves, as Windows-1252. Bytes that are not valid UTF-8 are taken
 * as Windows-1252, which also covers Latin-1 for the letters Swedish needs.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "win1252"), encoding: "windows-1252" };
  }
}
