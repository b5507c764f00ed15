import { parse } from "csv-parse/sync";
import { areaLevelOf } from "../../core/reference/municipalities";
import { PopulationFileError } from "./population-file-error";
import { checkAreaCode, checkNoDuplicates, parsePopulationCount, type ParsedPopulationFile, type PopulationParseOptions, type PopulationRow } from "./population-row";
import { periodToDate } from "./period";

export interface ProjectCsvOptions extends PopulationParseOptions {
  /** The day the figures describe; when absent it is taken from the file name. */
  date?: string;
}

const LEVELS: Record<string, ReturnType<typeof areaLevelOf>> = { riket: "nation", lan: "county", kommun: "municipality" };

/**
 * Reads the project's own population format (data/reference): `code,name,level,population`,
 * one day per file, the day given by the caller or found in the file name
 * ("population-2021-12-31-counties.csv"). `name` and `level` are optional; when `level` is
 * present it must agree with the code.
 */
export function parseProjectPopulationCsv(text: string, options: ProjectCsvOptions): ParsedPopulationFile {
  const file = options.fileName;
  const date = options.date ?? /(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];
  if (!date) throw new PopulationFileError({ file }, "datum saknas: ange det eller skriv det i filnamnet (t.ex. population-2021-12-31.csv)");
  if (periodToDate(date) !== date) throw new PopulationFileError({ file }, `ogiltigt datum "${date}"`);

  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    throw new PopulationFileError({ file }, `kan inte läsas som CSV (${(error as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header) throw new PopulationFileError({ file }, "filen är tom");
  const column = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const codeColumn = column("code");
  const populationColumn = column("population");
  const levelColumn = column("level");
  for (const [name, index] of [["code", codeColumn], ["population", populationColumn]] as const) {
    if (index < 0) throw new PopulationFileError({ file, line: 1, field: name }, `kolumnen "${name}" saknas i rubrikraden (${header.join(", ")})`);
  }

  const rows: PopulationRow[] = body.map((record, i) => {
    const line = i + 2;
    if (record.length !== header.length) throw new PopulationFileError({ file, line }, `raden har ${record.length} fält men rubrikraden ${header.length}`);
    const areaCode = checkAreaCode(record[codeColumn]!, { file, line, field: "code" }, options.knownAreaCodes);
    if (levelColumn >= 0) {
      const level = record[levelColumn]!;
      if (!(level in LEVELS)) throw new PopulationFileError({ file, line, field: "level" }, `okänd nivå "${level}" (riket, lan eller kommun)`);
      if (LEVELS[level] !== areaLevelOf(areaCode)) throw new PopulationFileError({ file, line, field: "level" }, `nivån "${level}" passar inte koden ${areaCode}`);
    }
    return { areaCode, date, population: parsePopulationCount(record[populationColumn]!, { file, line, field: "population" }) };
  });
  checkNoDuplicates(rows, file);
  return { rows };
}
