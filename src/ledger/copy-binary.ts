// COPY's binary format (PostgreSQL manual, "COPY — Binary Format"), written into one growing,
// reusable buffer a field at a time.
//
// For a bulk import it beats the text format at both ends: Node writes integers and cached bytes
// instead of building a string per row, and the server reads each field without parsing text.
// Field types must match the columns exactly (int4, int8, date, text, jsonb); a mismatch is
// refused by the server, never stored wrongly.

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Signature, flags (0) and header extension length (0). */
const HEADER_BYTES = SIGNATURE.length + 8;
const TWO_32 = 4294967296;
const DAY_MS = 86_400_000;
/** 2000-01-01, the epoch of PostgreSQL's binary dates, in days since 1970-01-01. */
const PG_EPOCH_DAYS = 10_957;

/** PostgreSQL's binary date: days since 2000-01-01 of a valid 'YYYY-MM-DD'. */
export function pgDays(date: string): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(ms / DAY_MS) - PG_EPOCH_DAYS;
}

export class BinaryCopy {
  private buffer: Buffer;
  private length = 0;
  /** Tuples written since the header. */
  tuples = 0;

  /** `buffer` is a spare one to write into; it is replaced by a larger one when it fills. */
  constructor(buffer: Buffer = Buffer.allocUnsafe(1 << 16)) {
    this.buffer = buffer;
    this.reserve(HEADER_BYTES);
    SIGNATURE.copy(this.buffer, 0);
    this.buffer.fill(0, SIGNATURE.length, HEADER_BYTES);
    this.length = HEADER_BYTES;
  }

  /** Starts a tuple of `fields` fields. */
  tuple(fields: number): void {
    this.tuples++;
    this.reserve(2);
    this.buffer[this.length++] = fields >>> 8;
    this.buffer[this.length++] = fields & 0xff;
  }

  int4(n: number): void {
    this.reserve(8);
    this.raw32(4);
    this.raw32(n);
  }

  /** A safe integer as int8: high and low 32 bits, without a BigInt. */
  int8(n: number): void {
    this.reserve(12);
    this.raw32(8);
    const high = Math.floor(n / TWO_32);
    this.raw32(high);
    this.raw32(n - high * TWO_32);
  }

  /** A date as days since 2000-01-01 (see pgDays). */
  date(days: number): void {
    this.int4(days);
  }

  null(): void {
    this.reserve(4);
    this.raw32(-1);
  }

  /** A field's bytes as they are (text already encoded as UTF-8, say). */
  bytes(value: Uint8Array): void {
    this.reserve(4 + value.length);
    this.raw32(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** A text field (UTF-8), or NULL. */
  text(value: string | null): void {
    if (value === null) this.null();
    else this.utf8(value, false);
  }

  /** A jsonb field (the JSON text), or NULL. */
  jsonb(json: string | null): void {
    if (json === null) this.null();
    else this.utf8(json, true);
  }

  /** The whole input with its trailer; valid until the buffer is written to again or reused. */
  finish(): Buffer {
    this.reserve(2);
    this.buffer[this.length++] = 0xff;
    this.buffer[this.length++] = 0xff;
    return this.buffer.subarray(0, this.length);
  }

  /** The buffer, to be handed to a later BinaryCopy once the server has read this one. */
  release(): Buffer {
    return this.buffer;
  }

  /** A field of UTF-8 text, led by jsonb's format version (1) when `jsonb`. */
  private utf8(value: string, jsonb: boolean): void {
    const lead = jsonb ? 1 : 0;
    this.reserve(4 + lead + value.length * 3);
    const at = this.length;
    const n = this.buffer.write(value, at + 4 + lead, "utf8");
    this.raw32(n + lead);
    if (jsonb) this.buffer[this.length++] = 1;
    this.length += n;
  }

  private raw32(n: number): void {
    const b = this.buffer;
    let i = this.length;
    b[i++] = n >>> 24;
    b[i++] = (n >>> 16) & 0xff;
    b[i++] = (n >>> 8) & 0xff;
    b[i++] = n & 0xff;
    this.length = i;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
