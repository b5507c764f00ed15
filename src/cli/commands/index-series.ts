import { parseArgs } from "node:util";
import { formatPercent, parsePercentFraction } from "../../core/money";
import type { Db } from "../../db/connect";
import { indexSeriesCodes, indexValues } from "../../db/queries/index-series";
import { systemActor } from "../../app/actor";
import { setIndexValues } from "../../app/index-series/set-index-values";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

export const indexSeriesHelp = `fordela index-series list
fordela index-series show KOD
fordela index-series set KOD ÅR PROCENT --source TEXT

Indexserier (t.ex. LPIK) som budgetförslag räknas upp med: förändring mot föregående år i procent.
PROCENT skrivs som svenskt decimaltal ("3,1") och lagras exakt. Ändringar loggas (via: cli).

Exempel:
  fordela index-series set LPIK 2024 3,1 --source "SKR, cirkulär 2023"
  fordela index-series show LPIK`;

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

function checkCode(code: string | undefined): string {
  if (!code) throw new CliError(`Ange seriens kod, t.ex. LPIK.\n\n${indexSeriesHelp}`);
  if (!CODE.test(code)) throw new CliError(`Seriens kod "${code}" får bara innehålla bokstäver a–z, siffror, - och _ (högst 32 tecken).`);
  return code;
}

export async function listSeriesLines(db: Db): Promise<string[]> {
  const rows = await indexSeriesCodes(db);
  if (rows.length === 0) return ["Inga indexserier ännu."];
  return rows.map((r) => `${r.code.padEnd(12)} ${r.firstYear}–${r.lastYear}  ${r.count} värden`);
}

export async function showSeriesLines(db: Db, code: string): Promise<string[]> {
  const rows = await indexValues(db, checkCode(code));
  if (rows.length === 0) throw new CliError(`Indexserien ${code} har inga värden; lägg in med "fordela index-series set ${code} ÅR PROCENT --source TEXT".`, 1);
  return rows.map((r) => `${r.year}  ${`${r.changePercent} %`.padStart(8)}  ${r.source}`);
}

/** Sets one year of a series, exact, with an audit entry in the same transaction. Returns the Swedish line to print. */
export async function setSeriesValue(db: Db, codeText: string | undefined, yearText: string | undefined, percentText: string | undefined, source: string | undefined): Promise<string> {
  const code = checkCode(codeText);
  if (!yearText || !/^\d{4}$/.test(yearText)) throw new CliError(`ÅR "${yearText ?? ""}" är inget år; skriv fyra siffror, t.ex. 2024.`);
  if (percentText === undefined) throw new CliError('Ange förändringen i procent, t.ex. "3,1".');
  let changePercent: string | null;
  try {
    changePercent = formatPercent(parsePercentFraction(percentText));
  } catch (e) {
    throw new CliError(`PROCENT: ${(e as Error).message}`);
  }
  if (changePercent === null) throw new CliError(`PROCENT "${percentText}" kan inte skrivas som decimaltal.`);
  if (!source || source.trim() === "") throw new CliError('Ange källa med --source, t.ex. --source "SKR, cirkulär 2023".');
  const year = Number(yearText);
  // The operator sets the value as it is now: based on the revision just read.
  const current = (await indexValues(db, code)).find((r) => r.year === year);
  const value = { year, changePercent, source: source.trim(), revision: current?.revision ?? null };
  await setIndexValues(db, systemActor("cli"), { code, values: [value], via: "cli" });
  return `${code} ${value.year}: ${changePercent} % (${value.source}) sparat.`;
}

export async function indexSeriesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { source: { type: "string" } } });
  const [sub, code, year, percent] = positionals;
  const opened = await openAppDatabase();
  try {
    let lines: string[];
    if (sub === "list") lines = await listSeriesLines(opened.db);
    else if (sub === "show") lines = await showSeriesLines(opened.db, code ?? "");
    else if (sub === "set") lines = [await setSeriesValue(opened.db, code, year, percent, values.source)];
    else throw new CliError(`Okänt underkommando "${sub ?? ""}"; välj list, show eller set.\n\n${indexSeriesHelp}`);
    for (const line of lines) console.log(line);
  } finally {
    await opened.close();
  }
}
