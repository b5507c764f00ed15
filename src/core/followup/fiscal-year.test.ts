import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarFiscalYear, fiscalMonthOf, fiscalMonths, fiscalYearFromDates, periodOfFiscalMonth, periodWindow } from "./fiscal-year";

describe("financial years", () => {
  it("names a broken year as the file does, 2009/10, and a calendar year by its number", () => {
    expect(fiscalYearFromDates("2009-07-01", "2010-06-30")).toEqual({ year: 2009, start: 200907, end: 201006, label: "2009/10" });
    expect(fiscalYearFromDates("20230101", "20231231")).toEqual(calendarFiscalYear(2023));
    expect(fiscalYearFromDates("1999-05-01", "2000-04-30").label).toBe("1999/00");
  });

  it("falls back to the calendar year for dates no financial year can have", () => {
    expect(fiscalYearFromDates("2010-01-01", "2009-12-31")).toEqual(calendarFiscalYear(2010));
    expect(fiscalYearFromDates("2010-01-01", "2012-12-31")).toEqual(calendarFiscalYear(2010));
  });

  it("places July 2009 first and June 2010 last in 2009/10, with both calendar years' whole-year figures", () => {
    const fy = fiscalYearFromDates("2009-07-01", "2010-06-30");
    expect(fiscalMonthOf(fy, 200907)).toBe(1);
    expect(fiscalMonthOf(fy, 201006)).toBe(12);
    expect(fiscalMonthOf(fy, 200906)).toBeNull();
    expect(fiscalMonthOf(fy, 201007)).toBeNull();
    expect(fiscalMonthOf(fy, 200900)).toBe(0);
    expect(fiscalMonthOf(fy, 201000)).toBe(0);
    expect(fiscalMonthOf(fy, 201100)).toBeNull();
    expect(periodWindow(fy)).toEqual({ from: 200900, to: 201006 });
  });

  it("maps each month of any year to its period and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 6, max: 18 }), (year, startMonth, length) => {
        const startIndex = year * 12 + startMonth - 1;
        const endIndex = startIndex + length - 1;
        const date = (i: number, day: string) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-${day}`;
        const fy = fiscalYearFromDates(date(startIndex, "01"), date(endIndex, "28"));
        expect(fiscalMonths(fy)).toBe(length);
        for (let m = 1; m <= length; m++) expect(fiscalMonthOf(fy, periodOfFiscalMonth(fy, m))).toBe(m);
      }),
    );
  });
});
