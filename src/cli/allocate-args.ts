import { AllocationRequestSchema, type AllocationRequest, type AllocationRequestLine } from "../core/allocation/request";
import type { RoundingMode } from "../core/allocation/types";
import { parseAmount } from "../core/money";
import { CliError, dateOption } from "./errors";

export interface AllocateArgs {
  total?: string;
  recipients?: string;
  key?: string;
  date?: string;
  basis?: string;
  unit?: string;
  rounding?: string;
  line?: string[];
}

export interface RecipientDirectory {
  /** Organisations of a kind, in display order. */
  ofKind(kind: "region" | "cooperation_region" | "municipality"): { code: string; name: string }[];
  byCode(code: string): { code: string; name: string } | undefined;
}

const roundings: Record<string, RoundingMode> = {
  "largest-remainder": "largest-remainder",
  fixed: "largest-remainder",
  "nearest-largest": "nearest-largest",
  up: "up",
  down: "down",
  nearest: "nearest",
};

const groups: Record<string, "region" | "cooperation_region" | "municipality"> = {
  regions: "region",
  regioner: "region",
  "cooperation-regions": "cooperation_region",
  samverkansregioner: "cooperation_region",
  municipalities: "municipality",
  kommuner: "municipality",
};

/**
 * A free line as "Benämning=BELOPP" (fixed), "Benämning=2,5 %" (percent of the total),
 * "Benämning=rest" (takes the remainder) or "Benämning=vikt:123" (weight).
 */
export function parseFreeLine(text: string, index: number): AllocationRequestLine {
  const at = text.lastIndexOf("=");
  if (at <= 0) throw new CliError(`--line ${index + 1} ("${text}"): skriv "Benämning=belopp", "Benämning=2,5 %", "Benämning=rest" eller "Benämning=vikt:N".`);
  const label = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  if (/^(rest|remainder|resten)$/i.test(value)) return { label, method: "remainder" };
  const weight = /^(vikt|weight):\s*(\d+)$/i.exec(value);
  if (weight) return { label, method: "weight", weight: Number(weight[2]) };
  if (/%\s*$/.test(value)) return { label, method: "percent", percent: value.replace(/%\s*$/, "").trim() };
  try {
    return { label, method: "fixed", amount: parseAmount(value, { defaultUnit: "kr" }) };
  } catch (err) {
    throw new CliError(`--line ${index + 1} (${label}): ${(err as Error).message}`);
  }
}

export function buildRequest(args: AllocateArgs, directory: RecipientDirectory): AllocationRequest {
  if (!args.total) throw new CliError("Ange --total, till exempel --total \"62 500 000 kr\".");
  let total: number;
  try {
    total = parseAmount(args.total, { defaultUnit: "kr" });
  } catch (err) {
    throw new CliError(`--total: ${(err as Error).message}`);
  }
  let unit: number;
  try {
    unit = parseAmount(args.unit ?? "1 kr", { defaultUnit: "kr" });
  } catch {
    unit = 0;
  }
  if (unit <= 0) throw new CliError(`--unit "${args.unit}": ange en avrundningsenhet som "1 kr", "1 tkr" eller "10 tkr".`);
  const rounding = roundings[args.rounding ?? "largest-remainder"];
  if (!rounding) throw new CliError(`--rounding "${args.rounding}": välj largest-remainder, nearest-largest, up, down eller nearest.`);

  const keyKind = args.key ?? (args.date ? "population" : "equal");
  if (!["population", "equal"].includes(keyKind)) throw new CliError(`--key "${keyKind}": välj population eller equal.`);
  if (keyKind === "population" && !args.date) throw new CliError("--key population kräver --date ÅÅÅÅ-MM-DD.");
  dateOption("--date", args.date);
  const basis = (args.basis ?? "membership").replace("-", "_");
  if (basis !== "membership" && basis !== "whole_regions") throw new CliError(`--basis "${args.basis}": välj membership eller whole-regions.`);

  const lines: AllocationRequestLine[] = [];
  if (args.recipients) {
    const group = groups[args.recipients];
    const recipients = group
      ? directory.ofKind(group)
      : args.recipients.split(",").map((code) => {
          const org = directory.byCode(code.trim());
          if (!org) throw new CliError(`--recipients: okänd organisationskod "${code.trim()}".`);
          return org;
        });
    const method = keyKind === "population" ? "population" : "equal";
    for (const r of recipients) lines.push({ label: r.name, recipientCode: r.code, method });
  }
  (args.line ?? []).forEach((text, i) => lines.push(parseFreeLine(text, i)));
  if (lines.length === 0) throw new CliError("Ange mottagare med --recipients eller rader med --line.");

  const parsed = AllocationRequestSchema.safeParse({
    total,
    unit,
    rounding,
    key: keyKind === "population" ? { kind: "population", date: args.date, basis } : { kind: "none" },
    lines,
  });
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}
