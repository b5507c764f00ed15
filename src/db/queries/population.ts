import { cooperationRegionByCode } from "../../core/reference/cooperation-regions";
import { areaLevelOf, NATION_CODE } from "../../core/reference/municipalities";
import { countyName, REGIONS } from "../../core/reference/regions";
import type { Db } from "../connect";
import { MissingPopulationError, PopulationError } from "./population-error";

import type { PopulationBasis } from "../../core/population-key";

export type { PopulationBasis };

export interface PopulationQuery {
  /** An area code ("00", "12", "1280") or an organisation code ("12", "SVR-SODRA"). */
  code?: string;
  areaCode?: string;
  organisationCode?: string;
  /** The day the figures describe, YYYY-MM-DD; no nearest-date fallback. */
  date: string;
  /** For a cooperation region: by its municipalities, or its member regions as whole counties. */
  basis?: PopulationBasis;
}

export interface PopulationPart {
  areaCode: string;
  name: string;
  population: number;
}

export interface PopulationFigure {
  code: string;
  name: string;
  date: string;
  population: number;
  parts: PopulationPart[];
  /** Swedish text saying what was counted, on which day, from which source. */
  basis: string;
  sources: string[];
}

interface Snapshot {
  date: string;
  rows: Map<string, { population: number; source: string }>;
  municipalities: { code: string; name: string; countyCode: string }[];
  coverage: () => Promise<PopulationCoverage[]>;
}

/** What a day's figures cover: the nation, how many of the 21 counties and of the municipalities. */
export interface PopulationCoverage {
  date: string;
  nation: boolean;
  counties: number;
  countiesTotal: number;
  municipalities: number;
  municipalitiesTotal: number;
  /** Every county and every municipality has its own figure. */
  complete: boolean;
  /** "riket, alla 21 län, 256 av 290 kommuner": what the day has, in Swedish. */
  description: string;
}

/**
 * Population of an area or organisation on a day, with the parts it was added from.
 *
 * A region is its county row, or the sum of all its municipalities when there is no county row.
 * A cooperation region on basis "membership" follows the healthcare-region map: counties wholly
 * inside count by their county row, split counties (Halland) by their member municipalities; on
 * basis "whole_regions" every member region counts with its whole county. A figure the data
 * lacks is a PopulationError, never a zero.
 * @example await populationOf(db, { code: "SVR-SODRA", date: "2021-12-31", basis: "whole_regions" })
 */
export async function populationOf(db: Db, query: PopulationQuery): Promise<PopulationFigure> {
  checkDate(query.date);
  return figureIn(db, await loadSnapshot(db, query.date), query);
}

/**
 * The population of several areas on one day, reading the day's figures once: an allocation
 * over 290 municipalities asks for 290 figures of the same day.
 */
export async function populationsOf(db: Db, codes: readonly string[], date: string, basis?: PopulationBasis): Promise<PopulationFigure[]> {
  checkDate(date);
  const snapshot = await loadSnapshot(db, date);
  const figures: PopulationFigure[] = [];
  // Every recipient is tried, so the refusal names all that lack figures, not the first.
  const gaps: MissingPopulationError[] = [];
  for (const code of codes) {
    try {
      figures.push(await figureIn(db, snapshot, { code, date, basis }));
    } catch (error) {
      if (!(error instanceof MissingPopulationError)) throw error;
      gaps.push(error);
    }
  }
  if (gaps.length === 1) throw gaps[0]!;
  if (gaps.length > 1) {
    const areas = gaps.flatMap((g) => g.missing.areas);
    throw new MissingPopulationError(
      `Folkmängd saknas per ${date} för ${gaps.length} av ${codes.length} mottagare (${areas.length} områden utan siffra): ${areas.join(", ")}; ${await otherDates(snapshot)}`,
      { date, asked: `${gaps.length} mottagare`, areas },
    );
  }
  return figures;
}

function checkDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new PopulationError(`Ogiltigt datum "${date}" (skrivs ÅÅÅÅ-MM-DD).`);
}

async function figureIn(db: Db, snapshot: Snapshot, query: PopulationQuery): Promise<PopulationFigure> {
  const code = query.organisationCode ?? query.areaCode ?? query.code;
  if (!code) throw new PopulationError("Ange område eller organisation för folkmängden.");

  const cooperation = cooperationRegionByCode(code);
  if (cooperation) {
    if (!query.basis) throw new PopulationError(`Ange om folkmängden för ${cooperation.name} ska räknas kommunvis (membership) eller med hela medlemsregioner (whole_regions).`);
    const members = await db.selectFrom("cooperation_region_members").select("municipality_code").where("cooperation_code", "=", code).execute();
    const memberCodes = new Set(members.map((m) => m.municipality_code));
    const counties = [...new Set(snapshot.municipalities.filter((m) => memberCodes.has(m.code)).map((m) => m.countyCode))].sort();
    if (counties.length === 0) throw new PopulationError(`${cooperation.name} har inga medlemskommuner; läs in referensdata först.`);
    const parts: PopulationPart[] = [];
    const sources = new Set<string>();
    const described: string[] = [];
    for (const county of counties) {
      const inCounty = snapshot.municipalities.filter((m) => m.countyCode === county);
      const inside = inCounty.filter((m) => memberCodes.has(m.code));
      if (query.basis === "whole_regions" || inside.length === inCounty.length) {
        const figure = await countyFigure(snapshot, county, sources);
        parts.push(...figure);
        described.push(query.basis === "whole_regions" && inside.length < inCounty.length ? `hela ${countyName(county)}` : countyName(county)!);
      } else {
        parts.push(...(await municipalityFigures(snapshot, inside, `${cooperation.name} (${code})`, sources)));
        described.push(`${inside.map((m) => m.name).join(", ")} i ${countyName(county)}`);
      }
    }
    const how =
      query.basis === "membership"
        ? "enligt sjukvårdsregionernas indelning (delade län räknas kommunvis)"
        : "med medlemsregionerna som hela organisationer (hela länet även där bara en del hör till samverkansregionen)";
    return figure(code, cooperation.name, snapshot.date, parts, `Folkmängd per ${snapshot.date} i ${cooperation.name} ${how}: ${described.join("; ")}.`, sources);
  }

  const organisation = await db.selectFrom("organisations").select(["code", "kind", "name", "county_code"]).where("code", "=", code).executeTakeFirst();
  if (organisation && organisation.kind !== "region" && organisation.kind !== "municipality") {
    throw new PopulationError(`${organisation.name} (${code}) är inget område med folkmängd.`);
  }
  const areaCode = organisation?.kind === "region" ? (organisation.county_code ?? code) : code;
  const level = areaLevelOf(areaCode);
  const sources = new Set<string>();
  if (level === "nation") {
    const row = snapshot.rows.get(NATION_CODE);
    const parts = row
      ? (sources.add(row.source), [{ areaCode: NATION_CODE, name: "Riket", population: row.population }])
      : (await Promise.all(REGIONS.map((r) => countyFigure(snapshot, r.countyCode, sources)))).flat();
    return figure(NATION_CODE, "Riket", snapshot.date, parts, `Folkmängd i riket per ${snapshot.date}.`, sources);
  }
  if (level === "county" && countyName(areaCode)) {
    const name = organisation?.name ?? REGIONS.find((r) => r.countyCode === areaCode)!.name;
    const parts = await countyFigure(snapshot, areaCode, sources, `${name} (${areaCode})`);
    const how = parts.length === 1 ? "" : " (summa av länets kommuner)";
    return figure(areaCode, name, snapshot.date, parts, `Folkmängd per ${snapshot.date} i ${countyName(areaCode)}${how}.`, sources);
  }
  const municipality = snapshot.municipalities.find((m) => m.code === areaCode);
  if (level === "municipality" && municipality) {
    const parts = await municipalityFigures(snapshot, [municipality], `${municipality.name} (${areaCode})`, sources);
    return figure(areaCode, municipality.name, snapshot.date, parts, `Folkmängd per ${snapshot.date} i ${municipality.name} kommun.`, sources);
  }
  throw new PopulationError(`Okänt område eller organisation "${code}".`);
}

/** The days for which any population figure is stored, oldest first. */
export async function populationDates(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("population").select("on_date").distinct().orderBy("on_date").execute();
  return rows.map((r) => r.on_date);
}

async function loadSnapshot(db: Db, date: string): Promise<Snapshot> {
  const [rows, municipalities] = await Promise.all([
    db.selectFrom("population").select(["area_code", "population", "source"]).where("on_date", "=", date).execute(),
    db.selectFrom("organisations").select(["code", "name", "county_code"]).where("kind", "=", "municipality").orderBy("code").execute(),
  ]);
  return {
    date,
    rows: new Map(rows.map((r) => [r.area_code, { population: r.population, source: r.source }])),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, countyCode: m.county_code ?? m.code.slice(0, 2) })),
    coverage: () => populationCoverage(db),
  };
}

/** Every stored day with what it covers, oldest first. */
export async function populationCoverage(db: Db): Promise<PopulationCoverage[]> {
  const [rows, municipalityCount] = await Promise.all([
    db
      .selectFrom("population")
      .select((eb) => [
        "on_date",
        eb.fn.countAll<string>().filterWhere(eb.fn("length", ["area_code"]), "=", 2).filterWhere("area_code", "!=", NATION_CODE).as("counties"),
        eb.fn.countAll<string>().filterWhere(eb.fn("length", ["area_code"]), "=", 4).as("municipalities"),
        eb.fn.countAll<string>().filterWhere("area_code", "=", NATION_CODE).as("nation"),
      ])
      .groupBy("on_date")
      .orderBy("on_date")
      .execute(),
    db.selectFrom("organisations").select((eb) => eb.fn.countAll<string>().as("n")).where("kind", "=", "municipality").executeTakeFirstOrThrow(),
  ]);
  const countiesTotal = REGIONS.length;
  const municipalitiesTotal = Number(municipalityCount.n);
  return rows.map((r) => {
    const counties = Number(r.counties);
    const municipalities = Number(r.municipalities);
    const nation = Number(r.nation) > 0;
    const parts = [
      ...(nation ? ["riket"] : []),
      counties === countiesTotal ? `alla ${countiesTotal} län` : counties === 0 ? "inga län" : `${counties} av ${countiesTotal} län`,
      municipalities === municipalitiesTotal ? `alla ${municipalitiesTotal} kommuner` : municipalities === 0 ? "inga kommuner" : `${municipalities} av ${municipalitiesTotal} kommuner`,
    ];
    return {
      date: r.on_date,
      nation,
      counties,
      countiesTotal,
      municipalities,
      municipalitiesTotal,
      complete: counties === countiesTotal && municipalities === municipalitiesTotal,
      description: parts.join(", "),
    };
  });
}

/** The other days with figures and what each covers; never the day that just failed. */
async function otherDates(snapshot: Snapshot): Promise<string> {
  const others = (await snapshot.coverage()).filter((c) => c.date !== snapshot.date);
  if (others.length === 0) return "inga andra datum har folkmängd (importera folkmängd från SCB)";
  return `andra datum: ${others.map((c) => `${c.date} (${c.description})`).join("; ")}`;
}

async function missing(snapshot: Snapshot, what: string, areas: readonly string[]): Promise<MissingPopulationError> {
  const detail = areas.length === 1 && areas[0] === what ? "" : ` (saknas för ${areas.join(", ")})`;
  return new MissingPopulationError(`Folkmängd saknas för ${what} per ${snapshot.date}${detail}; ${await otherDates(snapshot)}`, { date: snapshot.date, asked: what, areas });
}

/** A county by its own row, else by all its municipalities; never by an incomplete sum. */
async function countyFigure(snapshot: Snapshot, county: string, sources: Set<string>, what?: string): Promise<PopulationPart[]> {
  const row = snapshot.rows.get(county);
  if (row) {
    sources.add(row.source);
    return [{ areaCode: county, name: countyName(county) ?? county, population: row.population }];
  }
  const inCounty = snapshot.municipalities.filter((m) => m.countyCode === county);
  const label = what ?? `${REGIONS.find((r) => r.countyCode === county)?.name ?? county} (${county})`;
  if (!inCounty.some((m) => snapshot.rows.has(m.code))) throw await missing(snapshot, label, [label]);
  return municipalityFigures(snapshot, inCounty, label, sources);
}

async function municipalityFigures(
  snapshot: Snapshot,
  municipalities: readonly { code: string; name: string }[],
  what: string,
  sources: Set<string>,
): Promise<PopulationPart[]> {
  const absent = municipalities.filter((m) => !snapshot.rows.has(m.code));
  if (absent.length > 0) {
    throw await missing(snapshot, what, municipalities.length === 1 ? [what] : absent.map((m) => `${m.name} (${m.code})`));
  }
  return municipalities.map((m) => {
    const row = snapshot.rows.get(m.code)!;
    sources.add(row.source);
    return { areaCode: m.code, name: m.name, population: row.population };
  });
}

function figure(code: string, name: string, date: string, parts: PopulationPart[], basis: string, sources: Set<string>): PopulationFigure {
  const population = parts.reduce((sum, p) => sum + p.population, 0);
  if (!Number.isSafeInteger(population)) throw new PopulationError(`Folkmängden för ${name} blir för stor för att räknas exakt.`);
  const sourceList = [...sources].sort();
  return { code, name, date, population, parts, basis: `${basis} Källa: ${sourceList.join("; ")}.`, sources: sourceList };
}
