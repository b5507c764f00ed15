import { sql } from "kysely";
import { COOPERATION_REGIONS, cooperationRegionOfMunicipality } from "../../core/reference/cooperation-regions";
import { areaLevelOf, NATION_CODE } from "../../core/reference/municipalities";
import { REGIONS } from "../../core/reference/regions";
import { STATE_BODIES } from "../../core/reference/state-bodies";
import { readReferenceFiles, REFERENCE_DIR, SHIPPED_POPULATION_FILES } from "../../formats/reference/reference-files";
import type { PopulationRow } from "../../formats/scb/population-row";
import type { Db } from "../connect";
import type { OrganisationsTable } from "../schema";
import { PopulationError } from "./population-error";

type Executor = Pick<Db, "selectFrom" | "insertInto" | "deleteFrom" | "updateTable">;
type OrganisationRow = Pick<OrganisationsTable, "code" | "kind" | "name" | "short_name" | "county_code">;

export interface ReferenceLoadResult {
  regions: number;
  municipalities: number;
  cooperationRegions: number;
  stateBodies: number;
  memberships: number;
  populationRows: number;
}

/**
 * Puts the reference organisations and the shipped population figures into the database.
 * Safe to run again: organisations are upserted by code, memberships rewritten, and a shipped
 * figure only overwrites a row that came from the same shipped file, so an import of SCB's own
 * table for the same day is kept.
 *
 * Organisation codes: a region is its county code ("12"), a municipality its kommunkod ("1280"),
 * so the same code names the organisation and the area its population describes.
 */
export async function loadReferenceData(db: Db, dir: URL = REFERENCE_DIR): Promise<ReferenceLoadResult> {
  const files = readReferenceFiles(dir);
  const organisations: OrganisationRow[] = [
    ...STATE_BODIES.map((b) => ({ code: b.code, kind: b.kind, name: b.name, short_name: b.shortName, county_code: null })),
    ...REGIONS.map((r) => ({ code: r.countyCode, kind: "region" as const, name: r.name, short_name: r.name.replace(/^Region /, ""), county_code: r.countyCode })),
    ...COOPERATION_REGIONS.map((c) => ({
      code: c.code,
      kind: "cooperation_region" as const,
      name: c.name,
      short_name: c.name.replace(/ samverkansregion(en)?$/, ""),
      county_code: null,
    })),
    ...files.municipalities.map((m) => ({ code: m.code, kind: "municipality" as const, name: m.name, short_name: m.name, county_code: m.countyCode })),
  ];
  const memberships = files.municipalities.map((m) => {
    const cooperation = cooperationRegionOfMunicipality(m);
    if (!cooperation) throw new Error(`Kommunen ${m.name} (${m.code}) hör inte till någon samverkansregion`);
    return { cooperation_code: cooperation.code, municipality_code: m.code };
  });
  const populationRows = files.populations.flatMap((p) => p.rows.map((r) => ({ area_code: r.areaCode, on_date: r.date, population: r.population, source: p.source })));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("organisations")
      .values(organisations)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          kind: eb.ref("excluded.kind"),
          name: eb.ref("excluded.name"),
          short_name: eb.ref("excluded.short_name"),
          county_code: eb.ref("excluded.county_code"),
        })),
      )
      .execute();
    await trx.deleteFrom("cooperation_region_members").where("cooperation_code", "in", COOPERATION_REGIONS.map((c) => c.code)).execute();
    await trx.insertInto("cooperation_region_members").values(memberships).execute();
    for (const shipped of SHIPPED_POPULATION_FILES) {
      for (const former of shipped.formerSources ?? []) {
        await trx.updateTable("population").set({ source: shipped.source }).where("source", "=", former).execute();
      }
    }
    await trx
      .insertInto("population")
      .values(populationRows)
      .onConflict((oc) =>
        oc
          .columns(["area_code", "on_date"])
          .doUpdateSet((eb) => ({ population: eb.ref("excluded.population") }))
          .where(sql<boolean>`population.source = excluded.source`),
      )
      .execute();
  });
  return {
    regions: REGIONS.length,
    municipalities: files.municipalities.length,
    cooperationRegions: COOPERATION_REGIONS.length,
    stateBodies: STATE_BODIES.length,
    memberships: memberships.length,
    populationRows: populationRows.length,
  };
}

/** Area codes the database knows: the nation, the counties of the regions, the municipalities. */
export async function knownAreaCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom("organisations").select(["code", "kind", "county_code"]).where("kind", "in", ["region", "municipality"]).execute();
  const codes = new Set<string>([NATION_CODE]);
  for (const row of rows) codes.add(row.kind === "region" ? (row.county_code ?? row.code) : row.code);
  return codes;
}

export interface PopulationImportResult {
  inserted: number;
  replaced: number;
  dates: string[];
}

/**
 * Stores population figures in one transaction: all rows or none. A figure for an area and day
 * already present is replaced (with the new source). Every area code must be known (load the
 * reference data first).
 */
export async function importPopulation(db: Db, rows: readonly PopulationRow[], source: string): Promise<PopulationImportResult> {
  checkPopulationRows(rows, source);
  // Loading reference and demo data; a user's import goes through src/app/population.
  return db.transaction().execute((trx) => storePopulation(trx, rows, source));
}

/** Checks the rows before any database work: codes, dates, figures and no area twice a day. */
function checkPopulationRows(rows: readonly PopulationRow[], source: string): void {
  if (rows.length === 0) throw new PopulationError("Inga folkmängdsrader att importera.");
  if (source.trim() === "") throw new PopulationError("Källa saknas för folkmängdsimporten.");
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const where = `Rad ${i + 1} (område ${row.areaCode}, ${row.date})`;
    if (!areaLevelOf(row.areaCode)) throw new PopulationError(`${where}: "${row.areaCode}" är ingen områdeskod.`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) throw new PopulationError(`${where}: ogiltigt datum "${row.date}".`);
    if (!Number.isSafeInteger(row.population) || row.population < 0) throw new PopulationError(`${where}: folkmängden ${row.population} är inte ett heltal ≥ 0.`);
    const key = JSON.stringify([row.areaCode, row.date]);
    if (seen.has(key)) throw new PopulationError(`${where}: området har redan ett värde för samma datum i importen.`);
    seen.add(key);
  }
}

/**
 * Stores population figures within the caller's transaction: all rows or none. A figure for an
 * area and day already present is replaced (with the new source). Every area code must be known.
 */
export async function storePopulation(trx: Executor, rows: readonly PopulationRow[], source: string): Promise<PopulationImportResult> {
  checkPopulationRows(rows, source);
  const known = await knownAreaCodes(trx);
  const unknown = [...new Set(rows.map((r) => r.areaCode).filter((c) => !known.has(c)))];
  if (unknown.length > 0) {
    throw new PopulationError(`Okända områdeskoder: ${unknown.sort().join(", ")}. Läs in referensdata (län och kommuner) först.`);
  }
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const existing = await trx.selectFrom("population").select(["area_code", "on_date"]).where("on_date", "in", dates).execute();
  const existingKeys = new Set(existing.map((r) => JSON.stringify([r.area_code, r.on_date])));
  const replaced = rows.filter((r) => existingKeys.has(JSON.stringify([r.areaCode, r.date]))).length;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map((r) => ({ area_code: r.areaCode, on_date: r.date, population: r.population, source }));
    await trx
      .insertInto("population")
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(["area_code", "on_date"]).doUpdateSet((eb) => ({
          population: eb.ref("excluded.population"),
          source: eb.ref("excluded.source"),
          imported_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
  return { inserted: rows.length - replaced, replaced, dates };
}
