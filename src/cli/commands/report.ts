import { parseArgs } from "node:util";
import { formatAmount } from "../../core/money";
import { projectAccountsReport } from "../../ledger/projects";
import { budgetVsOutcomeReport } from "../../ledger/report";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { organisationId } from "./import-ledger";

export const reportHelp = `fordela report budget-vs-outcome --org KOD --year ÅÅÅÅ [--by class|account|costcentre|project|month]
    [--project KOD|none] [--cost-centre KOD|none] [--forecast budget_remaining|linear] [--format table|csv|json]
  Budget mot utfall med avvikelse, avvikelse % och helårsprognos (intäkter positiva, kostnader negativa).
fordela report project-accounts --org KOD --year ÅÅÅÅ [--exclude 8938,…] [--format table|csv|json]
  Projektredovisning: IB + solidarisk finansiering + övriga intäkter − kostnader = UB.`;

type Cell = string | number;
const kr = (ore: number) => formatAmount(ore, "kr").replaceAll("\u00a0", " ");

function print(format: string, header: string[], rows: Cell[][], json: unknown): void {
  if (format === "json") return void console.log(JSON.stringify(json, null, 2));
  if (format === "csv") {
    const q = (c: Cell) => (typeof c === "number" ? (c / 100).toFixed(2).replace(".", ",") : /[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    console.log([header.join(";"), ...rows.map((r) => r.map(q).join(";"))].join("\n"));
    return;
  }
  const text = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? kr(c) : c)))];
  const widths = header.map((_, i) => Math.max(...text.map((r) => String(r[i] ?? "").length)));
  for (const r of text) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  "));
}

export async function reportCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: "string" }, year: { type: "string" }, by: { type: "string", default: "class" }, project: { type: "string" }, "cost-centre": { type: "string" },
      forecast: { type: "string", default: "budget_remaining" }, exclude: { type: "string" }, format: { type: "string", default: "table" },
    },
  });
  if (!["table", "csv", "json"].includes(values.format!)) throw new CliError(`Okänt format "${values.format}": välj table, csv eller json.`);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 1900) throw new CliError("Ange året med --year ÅÅÅÅ.");
  const opened = await openAppDatabase();
  try {
    const org = await organisationId(opened.db, values.org);
    if (what === "budget-vs-outcome") {
      if (!["class", "account", "costcentre", "project", "month"].includes(values.by!)) throw new CliError(`Okänd gruppering "${values.by}".`);
      if (!["budget_remaining", "linear"].includes(values.forecast!)) throw new CliError(`Okänd prognosmetod "${values.forecast}".`);
      const r = await budgetVsOutcomeReport(opened.db, {
        organisationId: org, year, by: values.by as "class", forecastMethod: values.forecast as "linear",
        ...(values.project ? { project: values.project } : {}), ...(values["cost-centre"] ? { costCentre: values["cost-centre"] } : {}),
      });
      const rows = [...r.rows, r.total].map((x) => [x.label, x.budget, x.outcome, x.deviation, x.deviationPercent ?? "–", x.forecast]);
      const fy = r.fiscalYear.label;
      print(values.format!, ["", `Budget ${fy}`, `Utfall ${fy}`, "Avvikelse", "Avvikelse %", "Prognos"], rows, r);
      if (values.format === "table") {
        const span = fy.includes("/") ? `Räkenskapsår ${fy}: ${r.fiscalYear.firstMonth} – ${r.fiscalYear.lastMonth}. ` : "";
        console.log(`\n${span}Prognos: ${r.forecastMethodText} (t.o.m. månad ${r.asOfMonth}). ${r.signNote}`);
      }
      return;
    }
    if (what === "project-accounts") {
      const t = await projectAccountsReport(opened.db, { organisationId: org, year, excludeFromSubtotal: values.exclude ? values.exclude.split(",") : [] });
      const line = (code: string, name: string, x: { opening: number; jointFinancing: number; otherIncome: number; costs: number; closing: number }): Cell[] => [code, name, x.opening, x.jointFinancing, x.otherIncome, x.costs, x.closing];
      const rows = [...t.rows.map((r) => line(r.code, r.name, r)), line("", t.subtotal.label, t.subtotal), ...t.excludedRows.map((r) => line(r.code, r.name, r)), line("", "Totalt", t.total)];
      print(values.format!, ["Proj", "Benämning", `IB ${year}`, "Solidarisk finansiering", "Övriga intäkter", "Kostnader", `UB ${year}`], rows, t);
      return;
    }
    throw new CliError(`Okänd rapport "${what ?? ""}".\n${reportHelp}`);
  } finally {
    await opened.close();
  }
}
