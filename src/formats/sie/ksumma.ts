import { encodeText, type SieEncoding } from "./encoding";
import type { SieLine } from "./tokenize";

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as the SIE standard prescribes it (the common reflected 0xEDB88320 variant). */
export class Crc32 {
  private crc = 0xffffffff;

  update(bytes: Uint8Array): void {
    let c = this.crc;
    for (let i = 0; i < bytes.length; i++) c = (c >>> 8) ^ TABLE[(c ^ bytes[i]!) & 0xff]!;
    this.crc = c;
  }

  /** The checksum as the unsigned decimal number written after #KSUMMA. */
  value(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}

/**
 * What of a line enters the checksum: the tag and every field's content, in the file's encoding,
 * with nothing between them: no spaces or tabs, no enclosing quotes, no braces, no line ending.
 * The lines of the two #KSUMMA records themselves are left out by the caller.
 */
export function ksummaText(line: SieLine): string {
  let text = line.tag === "{" || line.tag === "}" ? "" : line.tag;
  for (const f of line.fields) text += f.kind === "text" ? f.value : f.items.join("");
  return text;
}

export function updateKsumma(crc: Crc32, line: SieLine, encoding: SieEncoding): void {
  const text = ksummaText(line);
  if (text) crc.update(encodeText(text, encoding));
}
