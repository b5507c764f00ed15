import { parseArgs } from "node:util";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";
import { importPopulationCommand } from "./import-population";
import { importLedgerCommand, ledgerImportHelp, makeImportCurrentCommand } from "./import-ledger";

export const importHelp = `fordela import population FIL [--date ÅÅÅÅ-MM-DD] [--format auto|jsonstat|csv]
  Importerar folkmängd från SCB: JSON-stat 2.0 (PX-Web API) eller CSV. Allt eller inget:
  vid fel sparas ingenting och felet anger rad och fält.
${ledgerImportHelp}`;

export async function importCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what === "sie" || what === "outcomes") return importLedgerCommand(what, rest);
  if (what === "make-current") return makeImportCurrentCommand(rest);
  if (what !== "population") throw new CliError(`Okänd import "${what ?? ""}".\n${importHelp}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { date: { type: "string" }, format: { type: "string", default: "auto" } },
  });
  const file = positionals[0];
  if (!file) throw new CliError(`Ange filen som ska importeras.\n${importHelp}`);
  if (!["auto", "jsonstat", "csv"].includes(values.format!)) throw new CliError(`Okänt format "${values.format}": välj auto, jsonstat eller csv.`);
  const opened = await openAppDatabase();
  try {
    const result = await importPopulationCommand(opened.db, file, {
      date: dateOption("--date", values.date),
      format: values.format as "auto" | "jsonstat" | "csv",
      onProgress: (msg) => process.stderr.write(`${msg}\n`),
    });
    console.log(`Importerade ${result.rows} rader folkmängd för ${result.dates.join(", ")}.`);
  } finally {
    await opened.close();
  }
}
