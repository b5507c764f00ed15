/**
 * What one import's amounts may add up to, signs ignored: 2^49 öre, about 5 600 miljarder kronor
 * (a region's whole year is a few hundred). Every sum a report or a kept total makes of them then
 * stays below 2^53 öre, where a number counts every öre exactly, even over sixteen imports at
 * once. A file beyond it is refused at import, the same on both databases, rather than failing
 * (or rounding) later in a report.
 */
export const IMPORT_AMOUNT_LIMIT_ORE = 2 ** 49;

export const amountLimitMessage = "beloppen i filen blir tillsammans (utan tecken) större än 5 600 miljarder kronor, mer än en rapport kan summera på öret; kontrollera beloppen";

/** The running sum of an import's amounts, signs ignored. */
export class AmountBound {
  #total = 0;

  /** Adds an amount; false once the amounts together pass the limit. */
  add(amount: number): boolean {
    this.#total += Math.abs(amount);
    return this.#total <= IMPORT_AMOUNT_LIMIT_ORE;
  }
}
