import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { readRegisters } from "../../app/registers/read-registers";
import { saveRegisterRow } from "../../app/registers/save-register-row";
import { assignmentsByUnit, nhvOutcomeLabels, nhvOutcomes, percentText, phaseText, type NhvOutcome, type Registers } from "../../core/followup/registers";
import { isRealIsoDate } from "../../core/input-schemas";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { organisationId } from "./import-ledger";

export const registersHelp = `fordela registers list --org KOD --year ÅÅÅÅ [--format table|json]
  Årets NHV-tillstånd och uppdrag med andel av heltid, som årsredovisningen redovisar dem.
fordela registers add-permit --org KOD --year ÅÅÅÅ --area VÅRDOMRÅDE --phase ÅÅÅÅ-MM-DD --outcome UTFALL [--start ÅÅÅÅ-MM-DD] --principal HUVUDANSVAR
  UTFALL: ${nhvOutcomes.map((o) => `${o} (${nhvOutcomeLabels[o]})`).join(", ")}
fordela registers add-assignment --org KOD --year ÅÅÅÅ --unit ENHET --role UPPDRAG --percent PROCENT [--note TEXT]

Exempel:
  fordela registers add-permit --org SVR-SODRA --year 2023 --area "Bäckenkirurgi" --phase 2023-05-24 --outcome granted --start 2024-07-01 --principal Sus
  fordela registers add-assignment --org SVR-SODRA --year 2023 --unit "RCC Syd" --role "Webbansvarig" --percent 75`;

function year(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text)) throw new CliError(`Ange året med --year ÅÅÅÅ.\n\n${registersHelp}`);
  return Number(text);
}

function date(flag: string, text: string | undefined, required: boolean): string | null {
  if (text === undefined || text === "") {
    if (required) throw new CliError(`Ange ${flag} ÅÅÅÅ-MM-DD.`);
    return null;
  }
  if (!isRealIsoDate(text)) throw new CliError(`${flag} "${text}" är inget datum som ÅÅÅÅ-MM-DD.`);
  return text;
}

function required(flag: string, text: string | undefined): string {
  if (!text?.trim()) throw new CliError(`Ange ${flag}.\n\n${registersHelp}`);
  return text.trim();
}

/** The registers as text tables, the way the annual report prints them. */
export function registersText(r: Registers, y: number): string {
  const lines = [`NHV-tillstånd ${y}`];
  const rows = r.permits.map((p) => [p.careArea, phaseText(p.applicationPhase), nhvOutcomeLabels[p.outcome], p.startDate ?? "–", p.principal]);
  const all = [["Vårdområde", "SoS ansökningsfas", "Tillstånd", "Start", "Huvudansvar"], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  lines.push(...(rows.length ? all.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()) : ["  (inga)"]));
  for (const u of assignmentsByUnit(r.assignments)) {
    lines.push("", `${u.unit} ${y}: uppdrag och andel av heltid`);
    const w = Math.max(...u.rows.map((a) => a.role.length), 5);
    for (const a of u.rows) lines.push(`${a.role.padEnd(w)}  ${percentText(a.percent).padStart(7)}${a.note ? `  ${a.note}` : ""}`);
    lines.push(`${"Summa".padEnd(w)}  ${percentText(u.percent).padStart(7)}`);
  }
  if (r.assignments.length === 0) lines.push("", `Uppdrag ${y}`, "  (inga)");
  return lines.join("\n");
}

export async function registersCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: "string" },
      year: { type: "string" },
      format: { type: "string", default: "table" },
      area: { type: "string" },
      phase: { type: "string" },
      outcome: { type: "string" },
      start: { type: "string" },
      principal: { type: "string" },
      unit: { type: "string" },
      role: { type: "string" },
      percent: { type: "string" },
      note: { type: "string" },
    },
  });
  if (what !== "list" && what !== "add-permit" && what !== "add-assignment") throw new CliError(`Okänt underkommando "${what ?? ""}".\n\n${registersHelp}`);
  const y = year(values.year);
  const opened = await openAppDatabase();
  try {
    const org = await organisationId(opened.db, values.org);
    const actor = systemActor("cli");
    let registers: Registers;
    if (what === "add-permit") {
      const outcome = required("--outcome", values.outcome);
      if (!(nhvOutcomes as readonly string[]).includes(outcome)) throw new CliError(`--outcome "${outcome}" är okänt; välj ${nhvOutcomes.join(", ")}.`);
      const row = { careArea: required("--area", values.area), applicationPhase: date("--phase", values.phase, true)!, outcome: outcome as NhvOutcome, startDate: date("--start", values.start, false), principal: required("--principal", values.principal) };
      registers = await saveRegisterRow(opened.db, actor, "nhv_permit", { organisationId: org, year: y, revision: 0, row });
    } else if (what === "add-assignment") {
      const percent = required("--percent", values.percent).replace(/\s|%/g, "");
      if (!/^\d+$/.test(percent) || Number(percent) < 1) throw new CliError(`--percent "${values.percent}" är ingen andel i hela procent (till exempel 75 eller 300).`);
      const row = { unit: required("--unit", values.unit), role: required("--role", values.role), percent: Number(percent), note: values.note?.trim() || null };
      registers = await saveRegisterRow(opened.db, actor, "staff_assignment", { organisationId: org, year: y, revision: 0, row });
    } else {
      registers = await readRegisters(opened.db, actor, { organisationId: org, year: y });
    }
    console.log(values.format === "json" ? JSON.stringify(registers, null, 2) : registersText(registers, y));
  } finally {
    await opened.close();
  }
}
