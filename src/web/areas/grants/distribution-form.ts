import type { AllocationRequest, Organisation } from "../../api/types";
import { readAmount } from "./decision-form";
import type { RecipientGroup } from "./types";
import type { PopulationBasis } from "../../../core/population-key";

// A part's key distribution as the user states it, turned into the allocation engine's request.

export type KeyKind = "population" | "equal" | "fixed";

export interface KeyForm {
  kind: KeyKind;
  date: string;
  basis: PopulationBasis;
  /** Amount text per recipient code, for fixed amounts. */
  fixed: Record<string, string>;
}

/** Who may receive money from a part of this group. */
export function groupMembers(group: RecipientGroup, organisations: readonly Organisation[]): Organisation[] {
  const members =
    group === "regions"
      ? organisations.filter((o) => o.kind === "region")
      : group === "cooperation_regions"
        ? organisations.filter((o) => o.kind === "cooperation_region")
        : group === "skr"
          ? organisations.filter((o) => o.kind === "skr")
          : organisations.filter((o) => o.kind === "state" || o.kind === "other");
  return [...members].sort((a, b) => (a.countyCode ?? a.code).localeCompare(b.countyCode ?? b.code, "sv"));
}

export function keyRequest(amount: number, members: readonly Organisation[], form: KeyForm): { request?: AllocationRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (members.length === 0) errors.members = "Mottagargruppen har inga organisationer.";
  if (form.kind === "population" && !/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors["key-date"] = "Välj folkmängdsdatum (ÅÅÅÅ-MM-DD).";
  const lines = members.map((m) => {
    if (form.kind === "fixed") {
      const read = readAmount(form.fixed[m.code] ?? "");
      if (read.error) errors[`fixed-${m.code}`] = `${m.name}: ${read.error}`;
      return { label: m.name, recipientCode: m.code, method: "fixed" as const, amount: read.ore ?? 0 };
    }
    return { label: m.name, recipientCode: m.code, method: form.kind === "population" ? ("population" as const) : ("equal" as const) };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    request: {
      total: amount,
      unit: 100,
      rounding: "largest-remainder",
      key: form.kind === "population" ? { kind: "population", date: form.date, basis: form.basis } : { kind: "none" },
      lines,
    },
  };
}
