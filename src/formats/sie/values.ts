import type { Ore } from "../../core/allocation/types";

/** Field values that do not parse; `detail` is Swedish, the caller adds file, line and field. */
export class SieValueError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

const AMOUNT = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/** "-1234.5" → -123450 öre, exactly: the digits are combined as text, never via a float. */
export function parseAmount(text: string): Ore {
  const m = AMOUNT.exec(text);
  if (!m) {
    const hint = /^[+-]?\d+,\d+$/.test(text)
      ? " (decimaltecknet ska vara punkt)"
      : /^[+-]?\d+\.\d{3,}$/.test(text)
        ? " (högst två decimaler)"
        : "";
    throw new SieValueError(`ogiltigt belopp "${text}"${hint}`);
  }
  const kronor = m[2]!.replace(/^0+(?=\d)/, "");
  const ore = Number(kronor + (m[3] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(ore)) throw new SieValueError(`beloppet "${text}" är för stort`);
  return m[1] === "-" ? -ore || 0 : ore;
}

/** Öre → "1234.50" / "-0.05" / "100.00", as SIE writes amounts. */
export function formatAmount(ore: Ore): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`beloppet ${ore} är inte ett helt antal öre`);
  const abs = Math.abs(ore);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return ore < 0 ? `-${text}` : text;
}

/** Öre → "1 234,50 kr" for messages to users. */
export function formatKronor(ore: Ore): string {
  const abs = Math.abs(ore);
  const kr = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${ore < 0 ? "-" : ""}${kr},${String(abs % 100).padStart(2, "0")} kr`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "20190305" → "2019-03-05"; refuses dates that do not exist. */
export function parseDate(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new SieValueError(`ogiltigt datum "${text}" (ska vara ÅÅÅÅMMDD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > max) throw new SieValueError(`datumet "${text}" finns inte`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** "201903" stays "201903" once checked. */
export function parsePeriod(text: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new SieValueError(`ogiltig period "${text}" (ska vara ÅÅÅÅMM)`);
  return text;
}

export function parseInteger(text: string, what: string): number {
  if (!/^[+-]?\d{1,9}$/.test(text)) throw new SieValueError(`ogiltigt ${what} "${text}" (ska vara ett heltal)`);
  return Number(text);
}

/** Quantities may carry more decimals than money; kept as text so nothing is lost. */
export function parseQuantity(text: string): string {
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(text)) throw new SieValueError(`ogiltig kvantitet "${text}"`);
  return text;
}
