import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../connect";
import { PopulationError } from "./population-error";
import { importPopulation, knownAreaCodes, loadReferenceData } from "./reference";

describe("loadReferenceData", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
  });
  afterAll(() => opened.close());

  const count = async (kind: "region" | "municipality" | "cooperation_region" | "state" | "skr") =>
    (await opened.db.selectFrom("organisations").select("code").where("kind", "=", kind).execute()).length;

  it("loads 21 regions, 290 municipalities, 6 cooperation regions, state bodies and SKR, twice without change", async () => {
    const first = await loadReferenceData(opened.db);
    expect(first).toEqual({ regions: 21, municipalities: 290, cooperationRegions: 6, stateBodies: 4, memberships: 290, populationRows: 305 });
    const snapshot = async () => ({
      organisations: await opened.db.selectFrom("organisations").select(["id", "code", "kind", "name", "short_name", "county_code"]).orderBy("code").execute(),
      members: await opened.db.selectFrom("cooperation_region_members").selectAll().orderBy("municipality_code").execute(),
      population: await opened.db.selectFrom("population").select(["area_code", "on_date", "population", "source"]).orderBy("on_date").orderBy("area_code").execute(),
    });
    const before = await snapshot();
    await loadReferenceData(opened.db);
    expect(await snapshot()).toEqual(before);
    expect([await count("region"), await count("municipality"), await count("cooperation_region"), await count("state"), await count("skr")]).toEqual([21, 290, 6, 3, 1]);
    expect(before.population).toHaveLength(305);
  });

  it("stores official names and the Halland split", async () => {
    const region = await opened.db.selectFrom("organisations").selectAll().where("code", "=", "25").executeTakeFirstOrThrow();
    expect([region.kind, region.name, region.county_code]).toEqual(["region", "Region Norrbotten", "25"]);
    const members = await opened.db.selectFrom("cooperation_region_members").select(["cooperation_code", "municipality_code"]).where("municipality_code", "like", "13%").orderBy("municipality_code").execute();
    expect(members.map((m) => `${m.municipality_code}:${m.cooperation_code}`)).toEqual([
      "1315:SVR-SODRA",
      "1380:SVR-SODRA",
      "1381:SVR-SODRA",
      "1382:SVR-VASTRA",
      "1383:SVR-VASTRA",
      "1384:SVR-VASTRA",
    ]);
    const perCooperation = await opened.db
      .selectFrom("cooperation_region_members")
      .select(["cooperation_code", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("cooperation_code")
      .orderBy("cooperation_code")
      .execute();
    expect(perCooperation.reduce((sum, r) => sum + Number(r.n), 0)).toBe(290);
  });

  it("knows the nation, 21 counties and 290 municipalities as area codes", async () => {
    const codes = await knownAreaCodes(opened.db);
    expect(codes.size).toBe(1 + 21 + 290);
    expect(codes.has("00") && codes.has("25") && codes.has("2380")).toBe(true);
  });

  it("keeps an imported figure when the reference data is loaded again", async () => {
    await importPopulation(opened.db, [{ areaCode: "10", date: "2021-12-31", population: 158_900 }], "Test: rättad siffra");
    await loadReferenceData(opened.db);
    const row = await opened.db.selectFrom("population").selectAll().where("area_code", "=", "10").where("on_date", "=", "2021-12-31").executeTakeFirstOrThrow();
    expect([row.population, row.source]).toEqual([158_900, "Test: rättad siffra"]);
    await importPopulation(opened.db, [{ areaCode: "10", date: "2021-12-31", population: 158_937 }], "Test: återställd");
  });
});

describe("importPopulation", () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
  });
  afterAll(() => opened.close());

  const rowsOn = (date: string) => opened.db.selectFrom("population").select(["area_code", "population", "source"]).where("on_date", "=", date).orderBy("area_code").execute();

  it("inserts new rows and replaces rows for the same area and day", async () => {
    const first = await importPopulation(
      opened.db,
      [
        { areaCode: "23", date: "2022-10-31", population: 132_000 },
        { areaCode: "2380", date: "2022-10-31", population: 64_700 },
      ],
      "SCB BefolkManad 2022M10",
    );
    expect(first).toEqual({ inserted: 2, replaced: 0, dates: ["2022-10-31"] });
    const second = await importPopulation(
      opened.db,
      [
        { areaCode: "23", date: "2022-10-31", population: 132_151 },
        { areaCode: "00", date: "2022-10-31", population: 10_508_541 },
      ],
      "SCB BefolkManad 2022M10, rättad",
    );
    expect(second).toEqual({ inserted: 1, replaced: 1, dates: ["2022-10-31"] });
    expect(await rowsOn("2022-10-31")).toEqual([
      { area_code: "00", population: 10_508_541, source: "SCB BefolkManad 2022M10, rättad" },
      { area_code: "23", population: 132_151, source: "SCB BefolkManad 2022M10, rättad" },
      { area_code: "2380", population: 64_700, source: "SCB BefolkManad 2022M10" },
    ]);
  });

  it("imports nothing when one area code is unknown", async () => {
    const attempt = importPopulation(
      opened.db,
      [
        { areaCode: "07", date: "2020-12-31", population: 201_469 },
        { areaCode: "11", date: "2020-12-31", population: 1 },
      ],
      "test",
    );
    await expect(attempt).rejects.toThrow(PopulationError);
    await expect(attempt).rejects.toThrow("Okända områdeskoder: 11.");
    expect(await rowsOn("2020-12-31")).toEqual([]);
  });

  it("refuses negative figures, bad dates and duplicates before touching the database", async () => {
    await expect(importPopulation(opened.db, [{ areaCode: "07", date: "2020-12-31", population: -1 }], "t")).rejects.toThrow("Rad 1 (område 07, 2020-12-31): folkmängden -1");
    await expect(importPopulation(opened.db, [{ areaCode: "07", date: "31/12/2020", population: 1 }], "t")).rejects.toThrow('ogiltigt datum "31/12/2020"');
    const twice = [
      { areaCode: "07", date: "2020-12-31", population: 1 },
      { areaCode: "07", date: "2020-12-31", population: 2 },
    ];
    await expect(importPopulation(opened.db, twice, "t")).rejects.toThrow("Rad 2 (område 07, 2020-12-31): området har redan ett värde");
    await expect(importPopulation(opened.db, [], "t")).rejects.toThrow("Inga folkmängdsrader");
  });
});
