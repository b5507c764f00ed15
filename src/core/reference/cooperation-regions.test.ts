import { describe, expect, it } from "vitest";
import { COOPERATION_REGIONS, cooperationRegionByCode, cooperationRegionOfMunicipality, memberRegionCodes } from "./cooperation-regions";
import { REGIONS } from "./regions";

describe("cooperation regions", () => {
  it("cover every county exactly once except Halland, which is split", () => {
    const counties = REGIONS.map((r) => r.countyCode);
    for (const county of counties) {
      const holders = COOPERATION_REGIONS.filter((c) => memberRegionCodes(c).includes(county)).map((c) => c.code);
      expect(holders, county).toHaveLength(county === "13" ? 2 : 1);
    }
  });

  it("place southern Halland in Södra and the rest in Västra", () => {
    expect(cooperationRegionOfMunicipality({ code: "1380", countyCode: "13" })?.code).toBe("SVR-SODRA");
    expect(cooperationRegionOfMunicipality({ code: "1315", countyCode: "13" })?.code).toBe("SVR-SODRA");
    expect(cooperationRegionOfMunicipality({ code: "1384", countyCode: "13" })?.code).toBe("SVR-VASTRA");
    expect(cooperationRegionOfMunicipality({ code: "1280", countyCode: "12" })?.code).toBe("SVR-SODRA");
    expect(cooperationRegionOfMunicipality({ code: "2380", countyCode: "23" })?.code).toBe("SVR-NORRA");
  });

  it("count Uppsala-Örebro's seven member regions and Södra's four whole regions", () => {
    expect(memberRegionCodes(cooperationRegionByCode("SVR-UPPSALA-OREBRO")!)).toHaveLength(7);
    expect(memberRegionCodes(cooperationRegionByCode("SVR-SODRA")!)).toEqual(["07", "10", "12", "13"]);
  });
});
