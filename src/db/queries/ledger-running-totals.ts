// Per-import sums (ledger_totals) kept while the rows of an import stream past.
//
// A million-row import makes about 140 000 sums. Kept as one object per sum they were the largest
// part of the live heap, and turning them into columns and lines at the end was the import's
// memory peak. Here each sum is a slot in typed arrays, found through one Map per dimension and
// object whose keys and values are small integers, so a sum costs no object of its own.

/** Periods and accounts are positions (1-based) in the writer's dictionaries. */
export const MAX_PERIODS = 4096;
export const MAX_ACCOUNTS = 65536;
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

export class RunningTotals {
  /** Per dimension position, per object position: period + MAX_PERIODS × account → slot. */
  private readonly slots: Map<number, number>[][] = [[], [], []];
  private amounts = new Float64Array(1 << 14);
  private counts = new Int32Array(1 << 14);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** `dimension` is the position in TOTAL_DIMENSIONS: 0 none, 1 cost centre (per year), 2 project. */
  add(periodIndex: number, accountIndex: number, dimension: number, objectIndex: number, amount: number): void {
    if (periodIndex >= MAX_PERIODS || accountIndex >= MAX_ACCOUNTS) {
      throw new RangeError(`Filen har för många perioder eller konton för en import (${periodIndex} perioder, ${accountIndex} konton)`);
    }
    const byObject = this.slots[dimension]!;
    let slots = byObject[objectIndex];
    if (slots === undefined) byObject[objectIndex] = slots = new Map();
    const key = periodIndex + MAX_PERIODS * accountIndex;
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.amounts.length) this.grow();
      slots.set(key, slot);
    }
    // Sums of whole öre stay exact in a double far beyond any ledger (2^53 öre).
    this.amounts[slot]! += amount;
    this.counts[slot]!++;
  }

  /** Every sum, dimension by dimension and object by object. */
  *rows(): Generator<TotalRow> {
    const row: TotalRow = { periodIndex: 0, accountIndex: 0, dimension: 0, objectIndex: 0, amount: 0, count: 0 };
    for (let d = 0; d < this.slots.length; d++) {
      const byObject = this.slots[d]!;
      for (let o = 0; o < byObject.length; o++) {
        const slots = byObject[o];
        if (slots === undefined) continue;
        for (const [key, slot] of slots) {
          // One object reused for every row: its fields are read before the next is asked for.
          row.periodIndex = key % MAX_PERIODS;
          row.accountIndex = Math.floor(key / MAX_PERIODS);
          row.dimension = TOTAL_DIMENSIONS[d]!;
          row.objectIndex = o;
          row.amount = this.amounts[slot]!;
          row.count = this.counts[slot]!;
          yield row;
        }
      }
    }
  }

  private grow(): void {
    const amounts = new Float64Array(this.amounts.length * 2);
    amounts.set(this.amounts);
    this.amounts = amounts;
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }
}
