import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "../../db/connect";
import { importCsvFile } from "../../app/ledger/import-csv";
import { importSieFile } from "../../app/ledger/import-sie";
import { makeImportCurrent } from "../../app/ledger/make-import-current";
import { systemActor } from "../../app/actor";
import { formatAmount } from "../../core/money";
import { comparisonLines, ReplaceNeedsConsentError } from "../../ledger/replace-check";
import { openAppDatabase } from "../database";
import { progressWriter } from "../progress";
import { CliError } from "../errors";

export const ledgerImportHelp = `fordela import sie FIL --org KOD [--replace]
  Importerar en SIE 4-fil (4B/4E/4I) till huvudboken för organisationen. Allt eller inget;
  förloppet skrivs på stderr. Finns redan en SIE-import för året visas vad som ändras (före/efter
  per kontoklass) och ingenting importeras utan --replace; den tidigare importen sparas som
  version. Avvikelser mellan #IB/#UB/#RES och verifikationerna listas som varningar.
fordela import make-current IMPORT
  Gör en tidigare SIE-import (sparad som version när en nyare fil ersatte den) till årets
  gällande igen; den som gällde till nu sparas som version. IMPORT är importens nummer, som
  importen skrev ut ("ersätter import 3").
fordela import outcomes FIL --mapping NAMN --org KOD
  Importerar utfall från CSV med en sparad kolumnmappning; perioder i filen ersätter tidigare
  CSV-import av samma perioder.`;

export async function organisationId(db: Db, code: string | undefined): Promise<number> {
  if (!code) throw new CliError("Ange organisationen med --org KOD.");
  const org = await db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirst();
  if (!org) throw new CliError(`Organisationen "${code}" finns inte.`);
  return org.id;
}

export async function makeImportCurrentCommand(args: string[]): Promise<void> {
  const id = Number(args[0]);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`Ange importens nummer.\n${ledgerImportHelp}`);
  const opened = await openAppDatabase();
  try {
    const result = await makeImportCurrent(opened.db, systemActor(), { importId: id });
    console.log(`Import ${result.importId} gäller nu för ${result.year}${result.replaced.length ? `; import ${result.replaced.join(", ")} sparas som version` : ""}.`);
  } finally {
    await opened.close();
  }
}

export async function importLedgerCommand(what: "sie" | "outcomes", args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { org: { type: "string" }, mapping: { type: "string" }, replace: { type: "boolean", default: false } } });
  const file = positionals[0];
  if (!file) throw new CliError(`Ange filen som ska importeras.\n${ledgerImportHelp}`);
  const opened = await openAppDatabase();
  try {
    const db = opened.db;
    const org = await organisationId(db, values.org);
    if (what === "sie") {
      const progress = progressWriter();
      const result = await importSieFile(db, systemActor(), {
        organisationId: org,
        input: file,
        via: "cli",
        replace: values.replace === true,
        onProgress: (p) => {
          const percent = p.totalBytes ? Math.floor((p.bytesRead * 100) / p.totalBytes) : null;
          progress.show(percent, `${p.linesRead.toLocaleString("sv-SE")} rader läst · ${p.transactions.toLocaleString("sv-SE")} transaktioner`);
        },
      })
        .catch((err: unknown) => {
          if (err instanceof ReplaceNeedsConsentError) {
            const kr = (ore: number) => formatAmount(ore, "kr").replaceAll("\u00a0", " ");
            process.stderr.write(`\nFöre → efter för ${err.comparison.year}:\n${comparisonLines(err.comparison, kr).map((l) => `  ${l}\n`).join("")}Kör igen med --replace för att ersätta.\n`);
          }
          throw err;
        })
        .finally(() => progress.done());
      for (const w of result.warnings) process.stderr.write(`Varning: ${w.message}${w.line ? ` (rad ${w.line})` : ""}\n`);
      console.log(
        `Importerade ${result.transactions} transaktioner i ${result.vouchers} verifikationer för ${result.year}` +
          ` (import ${result.importId}, ${result.budgets} budgetposter, ${result.warnings.length} varningar${result.replaced.length ? `, ersätter import ${result.replaced.join(", ")}` : ""}).`,
      );
      return;
    }
    if (!values.mapping) throw new CliError("Ange kolumnmappningen med --mapping NAMN.");
    const bytes = await readFile(file).catch(() => {
      throw new CliError(`Filen ${file} kan inte läsas.`);
    });
    const result = await importCsvFile(db, systemActor(), { organisationId: org, mappingName: values.mapping, bytes, fileName: basename(file), via: "cli" });
    console.log(`Importerade ${result.rows} rader för perioderna ${result.periods.join(", ")} (import ${result.importId}; ${result.replacedRows} tidigare rader ersatta).`);
  } finally {
    await opened.close();
  }
}
