import { describe, expect, it } from "vitest";
import { periodInHeader, periodToDate } from "./period";

describe("periodToDate", () => {
  it("puts a month, quarter or year at its last day", () => {
    expect(periodToDate("2022M10")).toBe("2022-10-31");
    expect(periodToDate("2024M02")).toBe("2024-02-29");
    expect(periodToDate("2023M02")).toBe("2023-02-28");
    expect(periodToDate("2022K4")).toBe("2022-12-31");
    expect(periodToDate("2022K2")).toBe("2022-06-30");
    expect(periodToDate("2021")).toBe("2021-12-31");
    expect(periodToDate("2022-11-01")).toBe("2022-11-01");
  });

  it("refuses what is not a period", () => {
    expect(periodToDate("2022M13")).toBeUndefined();
    expect(periodToDate("2022-02-30")).toBeUndefined();
    expect(periodToDate("okt 2022")).toBeUndefined();
  });
});

describe("periodInHeader", () => {
  it("finds the period at the end of a column header", () => {
    expect(periodInHeader("2022M10")).toBe("2022M10");
    expect(periodInHeader("Folkmängd 2021")).toBe("2021");
    expect(periodInHeader("ålder")).toBeUndefined();
    expect(periodInHeader("region")).toBeUndefined();
  });
});
