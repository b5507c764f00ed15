/**
 * SCB's time codes to the day the figure describes.
 *
 * SCB's population is a stock at the end of a period: "folkmängd per månad" 2022M10 is the
 * population on the last day of October (2022-10-31); a quarter 2022K4 is 31 December; a year
 * "2022" is 31 December of that year. A date already written as YYYY-MM-DD is kept.
 * @example periodToDate("2022M10") // "2022-10-31"
 */
export function periodToDate(period: string): string | undefined {
  const text = period.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isValidDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? text : undefined;
  const year = /^(\d{4})$/.exec(text);
  if (year) return `${year[1]}-12-31`;
  const month = /^(\d{4})M(\d{2})$/.exec(text);
  if (month) return endOfMonth(Number(month[1]), Number(month[2]));
  const quarter = /^(\d{4})K([1-4])$/.exec(text);
  if (quarter) return endOfMonth(Number(quarter[1]), Number(quarter[2]) * 3);
  return undefined;
}

/** Finds a period at the end of a header such as "Folkmängd 2022M10" or "2021". */
export function periodInHeader(header: string): string | undefined {
  const match = /(?:^|\s)(\d{4}(?:M\d{2}|K[1-4])?)$/.exec(header.trim());
  return match?.[1] !== undefined && periodToDate(match[1]) ? match[1] : undefined;
}

function endOfMonth(year: number, month: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, "0");
