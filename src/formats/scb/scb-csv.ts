import { parse } from "csv-parse/sync";
import { PopulationFileError } from "./population-file-error";
import { checkAreaCode, parsePopulationCount, type ParsedPopulationFile, type PopulationParseOptions } from "./population-row";
import { periodInHeader, periodToDate } from "./period";
import { foldBreakdowns, type PopulationCell } from "./totals";

/**
 * Reads a table downloaded from SCB's Statistikdatabasen as CSV: optional title lines, a header
 * row with a "region" column, perhaps further breakdown columns ("ålder", "kön"), and either one
 * column per period ("2022M10", "Folkmängd 2021") or a period column ("år", "månad") with the
 * figure in the last column. Regions are written "01 Stockholms län" or "0114 Upplands Väsby".
 * Separator (comma, semicolon, tab) is taken from the header row; reading stops at the first
 * blank line after the data, where SCB puts its footnotes.
 */
export function parseScbCsv(text: string, options: PopulationParseOptions): ParsedPopulationFile {
  const file = options.fileName;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => splitSimple(line).some((cell) => /^region$/i.test(cell)));
  if (headerIndex < 0) throw new PopulationFileError({ file, field: "region" }, 'ingen rubrikrad med kolumnen "region"');
  const title = lines.slice(0, headerIndex).map((l) => unquote(l.trim())).find((l) => l.length > 0);
  let end = headerIndex + 1;
  while (end < lines.length && lines[end]!.trim() !== "") end++;
  const delimiter = detectDelimiter(lines[headerIndex]!);

  let records: string[][];
  try {
    records = parse(lines.slice(headerIndex, end).join("\n"), { delimiter, relax_column_count: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new PopulationFileError({ file, ...(line !== undefined ? { line: headerIndex + line } : {}) }, `kan inte läsas som CSV (${(error as Error).message})`);
  }
  const [header, ...body] = records;
  if (!header) throw new PopulationFileError({ file }, "filen är tom");
  const lineOf = (i: number) => headerIndex + 2 + i;

  const regionColumn = header.findIndex((h) => /^region$/i.test(h));
  const periodColumns = header.flatMap((h, i) => (i !== regionColumn && periodInHeader(h) ? [i] : []));
  const timeColumn = header.findIndex((h) => /^(år|månad|kvartal|tid)$/i.test(h));
  if (periodColumns.length === 0 && timeColumn < 0) {
    throw new PopulationFileError({ file, line: headerIndex + 1 }, `ingen period i rubrikraden (väntat t.ex. "2022M10" eller en kolumn "år"): ${header.join(", ")}`);
  }
  const valueColumns = periodColumns.length > 0 ? periodColumns : [header.length - 1];
  const breakdownColumns = header.flatMap((_, i) => (i !== regionColumn && i !== timeColumn && !valueColumns.includes(i) ? [i] : []));

  const cells: PopulationCell[] = [];
  body.forEach((record, i) => {
    const line = lineOf(i);
    if (record.length !== header.length) {
      throw new PopulationFileError({ file, line }, `raden har ${record.length} fält men rubrikraden ${header.length}`);
    }
    const regionText = record[regionColumn] ?? "";
    const areaCode = checkAreaCode(regionCodeOf(regionText, file, line, header[regionColumn]!), { file, line, field: header[regionColumn]! }, options.knownAreaCodes);
    const breakdown: PopulationCell["breakdown"] = {};
    for (const c of breakdownColumns) breakdown[header[c]!] = { code: record[c] ?? "", label: record[c] ?? "" };
    for (const c of valueColumns) {
      const field = header[c]!;
      const period = timeColumn >= 0 ? (record[timeColumn] ?? "") : periodInHeader(field)!;
      const date = periodToDate(period);
      if (!date) throw new PopulationFileError({ file, line, field: header[timeColumn] ?? field }, `okänd tidsperiod "${period}"`);
      cells.push({ areaCode, date, breakdown, population: parsePopulationCount(record[c] ?? "", { file, line, field }), where: { file, line } });
    }
  });
  return { rows: foldBreakdowns(cells, file), ...(title ? { title } : {}) };
}

function regionCodeOf(text: string, file: string, line: number, field: string): string {
  const match = /^(\d{2}|\d{4})(?:\s|$)/.exec(text.trim());
  if (match) return match[1]!;
  if (/^riket$/i.test(text.trim())) return "00";
  throw new PopulationFileError({ file, line, field }, `"${text}" börjar inte med en områdeskod (t.ex. "01 Stockholms län")`);
}

/** Separator of the header row: the candidate that occurs most often outside quotes. */
function detectDelimiter(line: string): string {
  const outside = line.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => ({ d, n: outside.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ",";
}

function splitSimple(line: string): string[] {
  return line.split(/[,;\t]/).map((cell) => unquote(cell.trim()));
}

function unquote(cell: string): string {
  return cell.replace(/^"(.*)"$/, "$1").trim();
}
