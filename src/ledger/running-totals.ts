// Per-import sums (ledger_totals) kept while the rows of an import stream past.
//
// A million-row import makes about 140 000 sums, each added to about seven times. Kept as an
// object per sum, then as Maps per object, they were most of what the collector moved into the
// old generation during an import (over 100 MB of it garbage by the end). Here the sums live in
// one open-addressing hash table of typed arrays, outside the JavaScript heap: adding to a sum
// allocates nothing.

/** Periods, accounts and objects are positions (1-based; object 0 = none) in the writer's dictionaries. */
export const MAX_PERIODS = 4096;
export const MAX_ACCOUNTS = 65536;
const MAX_OBJECTS = 1 << 20;
/** Dimension numbers as stored, by their position in the sums. */
export const TOTAL_DIMENSIONS = [0, 1, 6] as const;

/** One sum as it leaves: positions in the writer's dictionaries, 0 for no object. */
export interface TotalRow {
  periodIndex: number;
  accountIndex: number;
  /** The stored dimension number: 0, 1 or 6. */
  dimension: number;
  objectIndex: number;
  amount: number;
  count: number;
}

const EMPTY = -1;

/** Where a key's probe starts: a multiplicative mix of both halves. */
const hash = (high: number, low: number) => Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 0;

export class RunningTotals {
  // Slot i holds one sum: its key in two halves (hashing a number above 2^32 would need floats),
  // its amount (exact in a double up to 2^53 öre) and its row count.
  private high = new Int32Array(1 << 12).fill(EMPTY);
  private low = new Int32Array(1 << 12);
  private amounts = new Float64Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** `dimension` is the position in TOTAL_DIMENSIONS: 0 none, 1 cost centre (per year), 2 project. */
  add(periodIndex: number, accountIndex: number, dimension: number, objectIndex: number, amount: number): void {
    if (periodIndex >= MAX_PERIODS || accountIndex >= MAX_ACCOUNTS || objectIndex >= MAX_OBJECTS) {
      throw new RangeError(`Filen har för många perioder, konton eller objekt för en import (${periodIndex} perioder, ${accountIndex} konton, ${objectIndex} objekt)`);
    }
    // high: dimension (2 bits) and object (20 bits); low: period (12 bits) and account (16 bits).
    const high = (dimension << 20) | objectIndex;
    const low = (periodIndex << 16) | accountIndex;
    const mask = this.high.length - 1;
    let i = hash(high, low) & mask;
    for (; ; i = (i + 1) & mask) {
      const h = this.high[i]!;
      if (h === EMPTY) break;
      if (h === high && this.low[i] === low) {
        this.amounts[i]! += amount;
        this.counts[i]!++;
        return;
      }
    }
    this.high[i] = high;
    this.low[i] = low;
    this.amounts[i] = amount;
    this.counts[i] = 1;
    // At most half full, so probes stay short.
    if (++this.used * 2 > this.high.length) this.grow();
  }

  /** Every sum, in no particular order. The same object is yielded each time: read it before asking for the next. */
  *rows(): Generator<TotalRow> {
    const row: TotalRow = { periodIndex: 0, accountIndex: 0, dimension: 0, objectIndex: 0, amount: 0, count: 0 };
    for (let i = 0; i < this.high.length; i++) {
      const high = this.high[i]!;
      if (high === EMPTY) continue;
      const low = this.low[i]!;
      row.dimension = TOTAL_DIMENSIONS[high >>> 20]!;
      row.objectIndex = high & (MAX_OBJECTS - 1);
      row.periodIndex = low >>> 16;
      row.accountIndex = low & 0xffff;
      row.amount = this.amounts[i]!;
      row.count = this.counts[i]!;
      yield row;
    }
  }

  private grow(): void {
    const { high, low, amounts, counts } = this;
    const size = high.length * 2;
    this.high = new Int32Array(size).fill(EMPTY);
    this.low = new Int32Array(size);
    this.amounts = new Float64Array(size);
    this.counts = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < high.length; k++) {
      const h = high[k]!;
      if (h === EMPTY) continue;
      let i = hash(h, low[k]!) & mask;
      while (this.high[i] !== EMPTY) i = (i + 1) & mask;
      this.high[i] = h;
      this.low[i] = low[k]!;
      this.amounts[i] = amounts[k]!;
      this.counts[i] = counts[k]!;
    }
  }
}
