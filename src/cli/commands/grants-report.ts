import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { coordinatorOverview, type CoordinatorOverview } from "../../app/grants/closing-read";
import { fileFinancialReport } from "../../app/grants/file-financial-report";
import { produceRequisition } from "../../app/grants/produce-requisition";
import { todayInSweden } from "../../core/grants/dates";
import { formatAmount } from "../../core/money";
import { latestVersions } from "../../db/queries/grants-closing";
import { closingDocumentFile } from "../../formats/grants/closing-documents";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { textTable } from "./grants-text";

export const grantsReportHelp = `fordela grants report KOD [flaggor]

Samordnarens översikt för en organisation (KOD: 23, SKR, SVR-…): varje bidragsdel med mottaget,
förbrukat (huvudbokens kostnader på delens objekt och manuella rader), outnyttjat, vad som ska
göras härnäst och dokumentet för det. Med --document tas dokumentet fram och sparas som ny version:
  --today ÅÅÅÅ-MM-DD                    räkna status som om i dag vore detta datum
  --format table|json                   översikten som tabell (standard) eller JSON
  --document rekvisition|redovisning    ta fram rekvisitionen eller lämna in den ekonomiska redovisningen
  --part ID                             beslutsdelen (id i översikten)
  --out FIL                             filen att skriva (.pdf eller .xlsx)
  --date ÅÅÅÅ-MM-DD                     dokumentets datum (i dag om det inte anges)
  --signatory NAMN --title BEFATTNING --place ORT   behörig företrädare i underskriftsblocket
  --explanation TEXT                    förklaring när mer har förbrukats än mottagits`;

const kr = (ore: number) => formatAmount(ore, "kr");

function overviewText(o: CoordinatorOverview): string {
  const head = `${o.organisation.name} (${o.organisation.code}), statsbidrag per ${o.today}`;
  if (o.rows.length === 0) return `${head}\nInga fastställda bidragsdelar.`;
  const table = textTable(
    ["Del", "År", "Bidrag", "Mottaget", "Förbrukat", "Outnyttjat", "Att återbetala", "Härnäst", "Dokument"],
    o.rows.map((r) => [
      String(r.partId),
      String(r.year),
      `${r.diaryNumber ?? r.agreementName}: ${r.purpose.length > 48 ? `${r.purpose.slice(0, 47)}…` : r.purpose}`,
      r.received === null ? "–" : kr(r.received),
      kr(r.figures.used),
      kr(r.figures.unspent),
      kr(r.figures.toRepay),
      r.next.text,
      r.next.document === "requisition" ? "rekvisition" : r.next.document === "financial_report" ? "redovisning" : "–",
    ]),
    [3, 4, 5, 6],
  );
  const lines = [head, "", table];
  for (const a of o.agreements.filter((x) => x.line.years.length > 1)) {
    lines.push("", `${a.agreementName} över åren: ${a.line.years.map((y) => `${y.year} mottaget ${kr(y.received)}, fört över in ${kr(y.carriedIn)}, förbrukat ${kr(y.used)}, fört vidare ${kr(y.carriedForward)}`).join("; ")}`);
  }
  const problems = o.rows.flatMap((r) => (r.next.document === "financial_report" ? r.problems.map((p) => `  del ${r.partId}: ${p.message}`) : []));
  if (problems.length > 0) lines.push("", "Rätta innan redovisningen kan lämnas:", ...problems);
  return lines.join("\n");
}

export async function grantsReportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      today: { type: "string" },
      format: { type: "string", default: "table" },
      document: { type: "string" },
      part: { type: "string" },
      out: { type: "string" },
      date: { type: "string" },
      signatory: { type: "string" },
      title: { type: "string" },
      place: { type: "string" },
      explanation: { type: "string" },
    },
  });
  const [code, ...extra] = positionals;
  if (!code) throw new CliError(`fordela grants report: ange organisationens kod, t.ex. 23.\n\n${grantsReportHelp}`);
  if (extra.length > 0) throw new CliError(`För många argument: ${extra.join(" ")}.\n\n${grantsReportHelp}`);
  for (const key of ["today", "date"] as const) {
    if (values[key] && !/^\d{4}-\d{2}-\d{2}$/.test(values[key]!)) throw new CliError(`--${key}: "${values[key]}" skrivs ÅÅÅÅ-MM-DD.`);
  }
  const today = values.today ?? todayInSweden();
  const opened = await openAppDatabase();
  try {
    const db = opened.db;
    const actor = systemActor(process.env.USER ?? "cli");
    if (!values.document) {
      if (!["table", "json"].includes(values.format!)) throw new CliError(`--format: "${values.format}" ska vara table eller json.`);
      const overview = await coordinatorOverview(db, actor, code, today);
      console.log(values.format === "json" ? JSON.stringify(overview, null, 2) : overviewText(overview));
      return;
    }
    const kind = { rekvisition: "requisition", requisition: "requisition", redovisning: "financial_report", "financial-report": "financial_report" }[values.document];
    if (!kind) throw new CliError(`--document: "${values.document}" ska vara rekvisition eller redovisning.`);
    const partId = Number(values.part);
    if (!values.part || !Number.isInteger(partId) || partId <= 0) throw new CliError("--part: ange beslutsdelens id (se översikten).");
    if (!values.out || !/\.(pdf|xlsx)$/i.test(values.out)) throw new CliError("--out: ange filen att skriva, som slutar på .pdf eller .xlsx.");
    const format = values.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "pdf";
    const signatory = { name: values.signatory ?? null, title: values.title ?? null, place: values.place ?? null };
    const date = values.date ?? today;
    const versions = await latestVersions(db, partId, code);
    const made =
      kind === "requisition"
        ? await produceRequisition(db, actor, { partId, recipientCode: code, date, signatory, expectedVersion: versions.requisition })
        : await fileFinancialReport(db, actor, { partId, recipientCode: code, date, signatory, explanation: values.explanation ?? null, expectedVersion: versions.report });
    writeFileSync(values.out, await closingDocumentFile(made.content, format));
    console.log(`${kind === "requisition" ? "Rekvisition" : "Ekonomisk redovisning"} version ${made.version} skriven till ${values.out}.`);
  } finally {
    await opened.close();
  }
}
