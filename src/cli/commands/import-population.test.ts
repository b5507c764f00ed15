import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { populationDates, populationOf } from "../../db/queries/population";
import { loadReferenceData } from "../../db/queries/reference";
import { importPopulationCommand } from "./import-population";

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/scb/${name}`, import.meta.url));

describe("importPopulationCommand", () => {
  let opened: OpenDatabase;
  const dir = mkdtempSync(join(tmpdir(), "fordela-import-"));
  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
  });
  afterAll(() => opened.close());

  it("imports an SCB JSON-stat response and makes its months available", async () => {
    const messages: string[] = [];
    const result = await importPopulationCommand(opened.db, fixture("befolkmanad-2022M10.json"), { onProgress: (m) => messages.push(m) });
    expect(result).toEqual({ rows: 8, dates: ["2022-10-31", "2022-11-30"] });
    expect(messages).toEqual(["befolkmanad-2022M10.json: JSON-stat (utf-8), 8 rader, datum 2022-10-31, 2022-11-30", "Sparat: 8 nya, 0 ersatta"]);
    const jamtland = await populationOf(opened.db, { code: "23", date: "2022-10-31" });
    expect(jamtland.population).toBe(132_151);
    expect(jamtland.sources).toEqual(["Folkmängden per månad efter region, ålder, kön och månad; fil befolkmanad-2022M10.json (JSON-stat)"]);
    expect(await populationDates(opened.db)).toEqual(["2021-12-31", "2022-10-31", "2022-11-01", "2022-11-30", "2023-12-31"]);
  });

  it("imports a Windows-1252 SCB CSV, replacing the shipped 2021 Halland figure with the same value", async () => {
    const messages: string[] = [];
    const result = await importPopulationCommand(opened.db, fixture("folkmangd-latin1-semikolon.csv"), { format: "csv", onProgress: (m) => messages.push(m) });
    expect(result).toEqual({ rows: 6, dates: ["2021-12-31", "2022-12-31"] });
    expect(messages[1]).toBe("Sparat: 5 nya, 1 ersatta");
    expect((await populationOf(opened.db, { code: "1380", date: "2021-12-31" })).population).toBe(104_132);
  });

  it("takes the date option for a project CSV", async () => {
    const path = join(dir, "kommuner.csv");
    writeFileSync(path, "code,name,level,population\n0980,Gotland,kommun,60124\n");
    expect(await importPopulationCommand(opened.db, path, { date: "2020-12-31" })).toEqual({ rows: 1, dates: ["2020-12-31"] });
    expect((await populationOf(opened.db, { code: "09", date: "2020-12-31" })).population).toBe(60_124);
  });

  it("stores nothing from a file with one bad line, and says where", async () => {
    const path = join(dir, "population-2019-12-31.csv");
    writeFileSync(path, "code,name,level,population\n07,Kronobergs län,lan,201469\n10,Blekinge län,lan,15 9x06\n");
    await expect(importPopulationCommand(opened.db, path)).rejects.toThrow('population-2019-12-31.csv, rad 3, fält "population": "15 9x06" är inte ett heltal');
    expect(await populationDates(opened.db)).not.toContain("2019-12-31");
  });

  it("refuses an area code no longer in use (Heby moved to Uppsala län in 2007) with its line, and a missing file", async () => {
    const path = join(dir, "gamla.csv");
    writeFileSync(path, "region\t2006\n00 Riket\t9113257\n1917 Heby\t13463\n");
    await expect(importPopulationCommand(opened.db, path)).rejects.toThrow('gamla.csv, rad 3, fält "region": okänd områdeskod "1917"');
    expect(await populationDates(opened.db)).not.toContain("2006-12-31");
    await expect(importPopulationCommand(opened.db, join(dir, "finns-inte.json"))).rejects.toThrow("filen finns inte");
  });
});
