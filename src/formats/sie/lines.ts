import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { decodeCp437, looksLikeUtf8, type SieEncoding } from "./encoding";
import { SieError } from "./errors";

/** A file path, a byte stream, or the bytes themselves. */
export type SieInput = string | Readable | Uint8Array;

export interface SourceLine {
  /** The decoded line without its line ending. */
  text: string;
  /** 1-based. */
  line: number;
  /** Bytes consumed so far, including this line. */
  bytesRead: number;
}

/** No real SIE line comes near this; a longer one means the input is not a SIE text file. */
const MAX_LINE_BYTES = 1 << 20;

export function describeInput(input: SieInput, name?: string): string {
  if (name) return name;
  return typeof input === "string" ? basename(input) : "(ström)";
}

/**
 * Reads lines (LF or CRLF) one at a time and decodes each. The encoding is CP437 unless the file
 * starts with a UTF-8 byte order mark, the caller says otherwise, the file declares UTF-8 before
 * its first non-ASCII line (`declareEncoding`), or its first non-ASCII line is well-formed UTF-8
 * (CP437 text with å, ä, ö never is; one real export is UTF-8 although it says `#FORMAT PC8`).
 */
export class LineSource {
  encoding: SieEncoding | undefined;

  constructor(
    private readonly input: SieInput,
    readonly file: string,
    encoding?: SieEncoding,
  ) {
    this.encoding = encoding;
  }

  /** Called by the parser for #FORMAT; only matters while no non-ASCII line has been seen. */
  declareEncoding(encoding: SieEncoding): void {
    if (this.encoding === undefined) this.encoding = encoding;
  }

  async *lines(): AsyncGenerator<SourceLine> {
    let pending: Buffer | null = null;
    let lineNo = 0;
    let bytesRead = 0;
    let first = true;
    for await (const raw of this.chunks()) {
      let chunk: Buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
      if (first && chunk.length > 0) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          this.encoding ??= "utf8";
          bytesRead += 3;
          chunk = chunk.subarray(3);
        }
      }
      let buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl < 0) break;
        lineNo++;
        bytesRead += nl + 1 - start;
        yield { text: this.decode(buf.subarray(start, nl)), line: lineNo, bytesRead };
        start = nl + 1;
      }
      buf = buf.subarray(start);
      if (buf.length > MAX_LINE_BYTES) {
        throw new SieError(this.file, lineNo + 1, "", "raden är längre än 1 MB; filen är inte en SIE-fil i textformat");
      }
      pending = buf.length > 0 ? Buffer.from(buf) : null;
    }
    if (pending && pending.length > 0) {
      lineNo++;
      bytesRead += pending.length;
      yield { text: this.decode(pending), line: lineNo, bytesRead };
    }
  }

  private decode(bytes: Buffer): string {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    const line = bytes.subarray(0, end);
    if (this.encoding === undefined && looksLikeUtf8(line)) this.encoding = "utf8";
    if (this.encoding === undefined && line.some((b) => b >= 0x80)) this.encoding = "cp437";
    return this.encoding === "utf8" ? line.toString("utf8") : decodeCp437(line);
  }

  private chunks(): AsyncIterable<Buffer | Uint8Array> {
    const input = this.input;
    if (typeof input === "string") return createReadStream(input, { highWaterMark: 1 << 18 });
    if (input instanceof Uint8Array) {
      return (async function* () {
        yield input;
      })();
    }
    return input as AsyncIterable<Buffer>;
  }
}
