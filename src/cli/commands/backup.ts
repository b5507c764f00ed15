import { resolve } from "node:path";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { restoreBackup } from "../../app/database/restore-backup";
import { writeBackup } from "../../db/backup/write-backup";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

export const backupHelp = `fordela backup FIL
  Skriver en säkerhetskopia av hela databasen (alla tabeller, sekvenser och listan över körda
  migreringar, gzip-komprimerad med kontrollsumma) till FIL, som inte får finnas. Kopian är en
  ögonblicksbild: servern kan vara igång under tiden. Fungerar likadant för PGlite och PostgreSQL,
  och en kopia från den ena kan återställas i den andra.`;

export const restoreHelp = `fordela restore FIL [--force]
  Återställer databasen från en säkerhetskopia, i en enda transaktion: allt eller inget.
  Kopians migreringar måste vara exakt databasens (samma version av Fördela). Utan --force
  återställs bara till en oanvänd databas (inga användare, tom granskningslogg); med --force
  ersätts allt innehåll, granskningsloggen också. Granskningsloggens hashkedja kontrolleras och
  en post om återställningen läggs till. Stoppa servern först.`;

const operator = () => systemActor(`system (${userInfo().username})`);

export async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(`Ange en fil att skriva till.\n${backupHelp}`);
  const opened = await openAppDatabase();
  try {
    const summary = await writeBackup(opened.db, resolve(file), opened.kind);
    console.log(`Säkerhetskopia skriven till ${summary.path}: ${summary.tables} tabeller, ${summary.rows} rader.`);
  } finally {
    await opened.close();
  }
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(`Ange säkerhetskopian att återställa från.\n${restoreHelp}`);
  const opened = await openAppDatabase();
  try {
    const result = await restoreBackup(opened.db, operator(), { path: resolve(file), force: values.force });
    console.log(`Databasen är återställd från kopian gjord ${result.backupCreatedAt}: ${result.tables} tabeller, ${result.rows} rader; granskningsloggen är obruten (${result.auditEntries} poster).`);
  } finally {
    await opened.close();
  }
}
