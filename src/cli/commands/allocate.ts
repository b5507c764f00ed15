import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AllocationRequestSchema, type AllocationRequest } from "../../core/allocation/request";
import type { AllocationResult } from "../../core/allocation/types";
import { formatAmount, formatUnitName } from "../../core/money";
import { computeAllocation } from "../../db/queries/compute-allocation";
import { allocationTable } from "../../formats/allocation-export";
import { writeCsv } from "../../formats/csv/write";
import { buildRequest, type RecipientDirectory } from "../allocate-args";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";

export const allocateHelp = `fordela allocate --total BELOPP [mottagare] [nyckel] [avrundning] [--format table|csv|json]

Mottagare:
  --recipients regioner|samverkansregioner|kommuner|KOD,KOD,…
  --line "Benämning=BELOPP" | "Benämning=2,5 %" | "Benämning=rest" | "Benämning=vikt:N"  (upprepa)
Nyckel:
  --key population --date ÅÅÅÅ-MM-DD [--basis membership|whole-regions]   efter folkmängd (SCB)
  --key equal                                                              lika delar (standard)
Avrundning:
  --unit "1 kr"|"1 tkr"|"10 tkr"…      avrundningsenhet (standard 1 kr)
  --rounding largest-remainder|nearest-largest|up|down|nearest
      largest-remainder: fast total, andelarna summerar exakt till totalen
      nearest-largest:   fast total, varje andel till närmaste enhet och differensen på
                         den största andelen (Regeringskansliets regel, t.ex. S2023/00488 bilaga 1)
      up/down/nearest:   varje andel avrundas; totalen följer andelarna
Eller: --input FIL.json med en fördelning i API:ts format (AllocationRequest).

Exempel:
  fordela allocate --total "62 500 000 kr" --recipients regioner --key population --date 2023-12-31
  fordela allocate --total "11 462,5 tkr" --recipients 03,04,17,18,19,20,21 --unit "10 tkr" --rounding up`;

function readRequestFile(path: string): AllocationRequest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CliError(`${path}: kunde inte läsa JSON (${(err as Error).message}).`);
  }
  const parsed = AllocationRequestSchema.safeParse(json);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${path}: ${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data;
}

const ROUNDING_NAMES: Record<AllocationResult["rounding"], string> = {
  "largest-remainder": "fast total (största rest)",
  "nearest-largest": "fast total (närmaste enhet, differensen på största andelen)",
  up: "varje andel uppåt",
  down: "varje andel nedåt",
  nearest: "varje andel till närmaste",
};

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function renderTable(result: AllocationResult): string {
  const rows = result.shares.map((s) => [s.label, formatAmount(s.amount, "kr"), s.remainderRank === null ? "" : String(s.remainderRank), s.basis ?? ""]);
  const header = ["Mottagare", "Belopp", "Restrang", "Underlag"];
  const all = [header, ...rows, ["Summa", formatAmount(result.total, "kr"), "", ""]];
  const widths = header.map((_, col) => Math.max(...all.map((r) => r[col]!.length)));
  const line = (r: string[]) => r.map((cell, col) => pad(cell, widths[col]!, col === 1 || col === 2)).join("  ").trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), widths.map((w) => "-".repeat(w)).join("  "), line(all[all.length - 1]!)];
  out.push("");
  out.push(`Avrundning: ${formatUnitName(result.unit)}, ${ROUNDING_NAMES[result.rounding]}.`);
  out.push(
    result.difference === 0
      ? `Kontroll: summan ${formatAmount(result.total, "kr")} stämmer med beloppet att fördela.`
      : `Kontroll: avrundningen ger ${formatAmount(Math.abs(result.difference), "kr")} ${result.difference > 0 ? "mer" : "mindre"} än beloppet ${formatAmount(result.inputTotal, "kr")}.`,
  );
  out.push(`Lika rest: ${result.tieBreak}`);
  return out.join("\n");
}

export async function allocateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      total: { type: "string" },
      recipients: { type: "string" },
      key: { type: "string" },
      date: { type: "string" },
      basis: { type: "string" },
      unit: { type: "string" },
      rounding: { type: "string" },
      line: { type: "string", multiple: true },
      input: { type: "string" },
      format: { type: "string", default: "table" },
    },
  });
  if (!["table", "csv", "json"].includes(values.format!)) throw new CliError(`--format "${values.format}": välj table, csv eller json.`);
  dateOption("--date", values.date);
  const opened = await openAppDatabase();
  try {
    const orgs = await opened.db.selectFrom("organisations").select(["code", "name", "kind"]).orderBy("code").execute();
    const directory: RecipientDirectory = {
      ofKind: (kind) => orgs.filter((o) => o.kind === kind),
      byCode: (code) => orgs.find((o) => o.code === code),
    };
    const request = values.input ? readRequestFile(values.input) : buildRequest(values, directory);
    const { result } = await computeAllocation(opened.db, request);
    if (values.format === "json") console.log(JSON.stringify({ request, result }, null, 2));
    else if (values.format === "csv") process.stdout.write(writeCsv(allocationTable(result, { title: "Fördelning" })));
    else console.log(renderTable(result));
  } finally {
    await opened.close();
  }
}
