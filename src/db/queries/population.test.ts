import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../connect";
import { populationCoverage, populationDates, populationOf, populationsOf } from "./population";
import { PopulationError } from "./population-error";
import { importPopulation, loadReferenceData } from "./reference";

describe("populationOf", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
  });
  afterAll(() => opened.close());

  it("names the area and the other days with what each covers when a day is not covered", async () => {
    await expect(populationOf(opened.db, { organisationCode: "23", date: "2020-12-31" })).rejects.toThrow(
      "Folkmängd saknas för Region Jämtland Härjedalen (23) per 2020-12-31; andra datum: 2021-12-31 (riket, 4 av 21 län, inga kommuner); " +
        "2022-11-01 (riket, alla 21 län, inga kommuner); 2023-12-31 (riket, alla 21 län, 256 av 290 kommuner)",
    );
    expect(await populationDates(opened.db)).toEqual(["2021-12-31", "2022-11-01", "2023-12-31"]);
  });

  it("says which days are complete", async () => {
    const coverage = await populationCoverage(opened.db);
    expect(coverage.map((c) => [c.date, c.complete, c.counties, c.municipalities])).toEqual([
      ["2021-12-31", false, 4, 0],
      ["2022-11-01", false, 21, 0],
      ["2023-12-31", false, 21, 256],
    ]);
  });

  it("names every one of the 34 municipalities missing on 2023-12-31, and never offers that day as another", async () => {
    const codes = (await opened.db.selectFrom("organisations").select("code").where("kind", "=", "municipality").orderBy("code").execute()).map((r) => r.code);
    const refusal = await populationsOf(opened.db, codes, "2023-12-31").catch((e: Error) => e);
    expect(refusal).toBeInstanceOf(PopulationError);
    const message = (refusal as Error).message;
    expect(message).toMatch(/^Folkmängd saknas per 2023-12-31 för 34 av 290 mottagare/);
    for (const name of ["Tierp (0360)", "Älvkarleby (0319)", "Partille (1402)", "Trelleborg (1287)", "Berg (2326)", "Åre (2321)"]) expect(message).toContain(name);
    expect(message.split("andra datum:")[1]).not.toContain("2023-12-31");
  });

  it("reproduces seed 001: Södra's member regions as whole organisations on 2021-12-31 = 2 104 945", async () => {
    const figure = await populationOf(opened.db, { code: "SVR-SODRA", date: "2021-12-31", basis: "whole_regions" });
    expect(figure.population).toBe(2_104_945);
    expect(figure.parts).toEqual([
      { areaCode: "07", name: "Kronobergs län", population: 203_340 },
      { areaCode: "10", name: "Blekinge län", population: 158_937 },
      { areaCode: "12", name: "Skåne län", population: 1_402_425 },
      { areaCode: "13", name: "Hallands län", population: 340_243 },
    ]);
    expect(figure.basis).toContain("hela Hallands län");
    expect(figure.basis).toContain("Källa: SCB, folkmängd i landskapen den 31 december 2021");
  });

  it("refuses Södra by the healthcare-region map on 2021-12-31, naming the missing Halland municipalities", async () => {
    await expect(populationOf(opened.db, { code: "SVR-SODRA", date: "2021-12-31", basis: "membership" })).rejects.toThrow(
      "Folkmängd saknas för Södra samverkansregionen (SVR-SODRA) per 2021-12-31 (saknas för Hylte (1315), Halmstad (1380), Laholm (1381)); andra datum: 2022-11-01 (riket, alla 21 län, inga kommuner); 2023-12-31 (riket, alla 21 län, 256 av 290 kommuner)",
    );
  });

  it("counts Södra by the map on 2023-12-31: whole counties by their county row, southern Halland by municipality", async () => {
    const figure = await populationOf(opened.db, { code: "SVR-SODRA", date: "2023-12-31", basis: "membership" });
    // Skåne's municipalities are incomplete in the partial file; its county row is complete.
    expect(figure.parts.map((p) => p.areaCode)).toEqual(["07", "10", "12", "1315", "1380", "1381"]);
    expect(figure.population).toBe(203_686 + 157_973 + 1_421_781 + 10_299 + 105_796 + 26_565);
    expect(figure.basis).toContain("Hylte, Halmstad, Laholm i Hallands län");
    const whole = await populationOf(opened.db, { code: "SVR-SODRA", date: "2023-12-31", basis: "whole_regions" });
    expect(whole.population).toBe(203_686 + 157_973 + 1_421_781 + 343_746);
  });

  it("adds the six cooperation regions by the map to the nation, and asks which basis to use", async () => {
    const codes = ["SVR-NORRA", "SVR-UPPSALA-OREBRO", "SVR-STOCKHOLM-GOTLAND", "SVR-SYDOSTRA", "SVR-SODRA", "SVR-VASTRA"];
    const figures = await Promise.all(codes.map((code) => populationOf(opened.db, { code, date: "2023-12-31", basis: "membership" })));
    const nation = await populationOf(opened.db, { areaCode: "00", date: "2023-12-31" });
    expect(nation.population).toBe(10_551_707);
    expect(figures.reduce((sum, f) => sum + f.population, 0)).toBe(nation.population);
    await expect(populationOf(opened.db, { code: "SVR-NORRA", date: "2023-12-31" })).rejects.toThrow(/membership.*whole_regions/);
  });

  it("gives a region its county row and a municipality its own row", async () => {
    const region = await populationOf(opened.db, { organisationCode: "12", date: "2023-12-31" });
    expect([region.name, region.population, region.parts.length]).toEqual(["Region Skåne", 1_421_781, 1]);
    const municipality = await populationOf(opened.db, { areaCode: "2380", date: "2023-12-31" });
    expect([municipality.name, municipality.population]).toEqual(["Östersund", 64_881]);
    await expect(populationOf(opened.db, { areaCode: "2326", date: "2023-12-31" })).rejects.toThrow("Folkmängd saknas för Berg (2326) per 2023-12-31");
  });

  it("sums a region's municipalities when there is no county row, and only when all are there", async () => {
    await importPopulation(
      opened.db,
      [
        { areaCode: "0980", date: "2022-06-30", population: 61_000 },
        { areaCode: "2305", date: "2022-06-30", population: 6_100 },
        { areaCode: "2380", date: "2022-06-30", population: 64_600 },
      ],
      "test",
    );
    const gotland = await populationOf(opened.db, { code: "09", date: "2022-06-30" });
    expect([gotland.population, gotland.parts]).toEqual([61_000, [{ areaCode: "0980", name: "Gotland", population: 61_000 }]]);
    await expect(populationOf(opened.db, { code: "23", date: "2022-06-30" })).rejects.toThrow(
      "Folkmängd saknas för Region Jämtland Härjedalen (23) per 2022-06-30 (saknas för Ragunda (2303), Krokom (2309), Strömsund (2313), Åre (2321), Berg (2326), Härjedalen (2361))",
    );
  });

  it("refuses organisations without population and unknown codes", async () => {
    await expect(populationOf(opened.db, { code: "KAMMARKOLLEGIET", date: "2023-12-31" })).rejects.toThrow("Kammarkollegiet (KAMMARKOLLEGIET) är inget område med folkmängd.");
    await expect(populationOf(opened.db, { code: "99", date: "2023-12-31" })).rejects.toThrow('Okänt område eller organisation "99".');
  });
});
