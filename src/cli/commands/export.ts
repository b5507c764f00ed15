import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { exportBudgetSieFile } from "../../app/ledger/export-budget-sie";
import { systemActor } from "../../app/actor";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { organisationId } from "./import-ledger";

export const exportHelp = `fordela export budget-sie --org KOD --year ÅÅÅÅ --out FIL
  Skriver årets budget som SIE 4 (#PBUDGET, CP437, #KSUMMA) för ekonomisystemet att läsa in.`;

export async function exportCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what !== "budget-sie") throw new CliError(`Okänd export "${what ?? ""}".\n${exportHelp}`);
  const { values } = parseArgs({ args: rest, options: { org: { type: "string" }, year: { type: "string" }, out: { type: "string" } } });
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 1900) throw new CliError("Ange året med --year ÅÅÅÅ.");
  if (!values.out) throw new CliError("Ange filen att skriva med --out FIL.");
  const opened = await openAppDatabase();
  try {
    const org = await organisationId(opened.db, values.org);
    const written = await exportBudgetSieFile(opened.db, systemActor(), { organisationId: org, year }, createWriteStream(values.out));
    console.log(`Skrev ${written.budgets} budgetposter (${written.lines} rader) till ${values.out}.`);
  } finally {
    await opened.close();
  }
}
