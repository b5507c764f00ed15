import { describe, expect, it } from "vitest";
import { countyName, REGIONS, resolveRegionName } from "./regions";

describe("regions", () => {
  it("has 21 regions with distinct county codes", () => {
    expect(REGIONS).toHaveLength(21);
    expect(new Set(REGIONS.map((r) => r.countyCode)).size).toBe(21);
  });

  it("resolves official names, document variants and county names", () => {
    expect(resolveRegionName("Region Norrbottens")).toBe("25");
    expect(resolveRegionName("Region Jönköping")).toBe("06");
    expect(resolveRegionName("Region Jönköpings län")).toBe("06");
    expect(resolveRegionName("Stockholms län")).toBe("01");
    expect(resolveRegionName("västra götalandsregionen")).toBe("14");
    expect(resolveRegionName("Region\u00a0Jämtland  Härjedalen")).toBe("23");
    expect(resolveRegionName("Region Atlantis")).toBeUndefined();
  });
});

describe("countyName", () => {
  it("gives SCB's county name for every region", () => {
    expect(countyName("12")).toBe("Skåne län");
    expect(countyName("23")).toBe("Jämtlands län");
    expect(REGIONS.every((r) => countyName(r.countyCode)?.endsWith("län"))).toBe(true);
  });
});
