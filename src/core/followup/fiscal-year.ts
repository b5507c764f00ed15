// A financial year as the books keep it: most are calendar years, but a file's #RAR may say
// 2009-07-01–2010-06-30, and its report must then be that year's twelve months, named "2009/10".

export interface FiscalYear {
  /** The year the financial year starts in: how imports and reports are keyed. */
  year: number;
  /** First and last month, YYYYMM. */
  start: number;
  end: number;
  /** "2023" for a calendar year, "2009/10" for one that spans two. */
  label: string;
}

export function calendarFiscalYear(year: number): FiscalYear {
  return { year, start: year * 100 + 1, end: year * 100 + 12, label: String(year) };
}

/**
 * The financial year from #RAR 0's dates (YYYY-MM-DD or YYYYMMDD). A year longer than 18
 * months or ending before it starts is not one the law allows; the calendar year is used instead.
 */
export function fiscalYearFromDates(startDate: string, endDate: string): FiscalYear {
  const digits = (d: string) => d.replace(/-/g, "");
  const s = digits(startDate);
  const e = digits(endDate);
  const year = Number(s.slice(0, 4));
  const start = Number(s.slice(0, 6));
  const end = Number(e.slice(0, 6));
  const length = monthIndex(end) - monthIndex(start) + 1;
  if (!/^\d{8}$/.test(s) || !/^\d{8}$/.test(e) || length < 1 || length > 18) return calendarFiscalYear(year);
  const endYear = Math.floor(end / 100);
  return { year, start, end, label: endYear === year ? String(year) : `${year}/${String(endYear % 100).padStart(2, "0")}` };
}

const monthIndex = (period: number) => Math.floor(period / 100) * 12 + (period % 100) - 1;

/** Number of months in the year (12 for nearly all). */
export const fiscalMonths = (fy: FiscalYear) => monthIndex(fy.end) - monthIndex(fy.start) + 1;

/**
 * Where a period (YYYYMM, or YYYY00 for a whole-year figure) falls in the financial year: its
 * month 1…n, 0 for a whole-year figure of a calendar year the financial year touches, and
 * null outside the year.
 */
export function fiscalMonthOf(fy: FiscalYear, period: number): number | null {
  if (period % 100 === 0) {
    const y = period / 100;
    return y >= Math.floor(fy.start / 100) && y <= Math.floor(fy.end / 100) ? 0 : null;
  }
  if (period < fy.start || period > fy.end) return null;
  return monthIndex(period) - monthIndex(fy.start) + 1;
}

/** The period (YYYYMM) of the financial year's month 1…n. */
export function periodOfFiscalMonth(fy: FiscalYear, month: number): number {
  const i = monthIndex(fy.start) + month - 1;
  return Math.floor(i / 12) * 100 + (i % 12) + 1;
}

/** The lowest and highest period to read for the year, whole-year figures (YYYY00) included. */
export function periodWindow(fy: FiscalYear): { from: number; to: number } {
  return { from: Math.floor(fy.start / 100) * 100, to: fy.end };
}

/** "2009-07" for a period. */
export const periodText = (period: number) => `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}`;
