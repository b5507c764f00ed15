import { groupThousands } from "../money";

// The registers seed 001's annual report prints besides its money: Socialstyrelsen's permits for
// national highly specialised care (NHV) and the unit's staff assignments as shares of full time.

export const nhvOutcomes = ["granted", "granted_partner", "declined_to_apply", "applied", "refused"] as const;
export type NhvOutcome = (typeof nhvOutcomes)[number];

/** As the annual report writes them in its "Tillstånd" column. */
export const nhvOutcomeLabels: Record<NhvOutcome, string> = {
  granted: "Tillstånd",
  granted_partner: "Tillstånd samarbetspartner",
  declined_to_apply: "Avstått söka",
  applied: "Ansökt",
  refused: "Avslag",
};

export interface NhvPermitInput {
  careArea: string;
  /** The date of Socialstyrelsen's application phase, YYYY-MM-DD ("NHV 2023-03-08"). */
  applicationPhase: string;
  outcome: NhvOutcome;
  /** When the care starts under the permit, YYYY-MM-DD; null when not known or not given. */
  startDate: string | null;
  /** Huvudansvar: "Sus", "PHH". */
  principal: string;
}

export interface StaffAssignmentInput {
  unit: string;
  role: string;
  /** Share of full time in per cent; several people together may pass 100 ("Strateger 300 %"). */
  percent: number;
  note: string | null;
}

export type NhvPermit = NhvPermitInput & { id: number; year: number; revision: number; updatedBy: string | null; updatedAt: string };
export type StaffAssignment = StaffAssignmentInput & { id: number; year: number; revision: number; updatedBy: string | null; updatedAt: string };

export interface Registers {
  permits: NhvPermit[];
  assignments: StaffAssignment[];
}

/** "NHV 2023-03-08": the phase as the report's column shows it. */
export const phaseText = (date: string) => `NHV ${date}`;

/** "300 %", "1 030 %": Swedish thousands with a no-break space. */
export const percentText = (percent: number) => `${groupThousands(String(percent))}\u00a0%`;

/** The assignments of one unit and their sum, in the order they were entered. */
export function assignmentsByUnit(assignments: readonly StaffAssignment[]): { unit: string; rows: StaffAssignment[]; percent: number }[] {
  const units = new Map<string, StaffAssignment[]>();
  for (const a of assignments) units.set(a.unit, [...(units.get(a.unit) ?? []), a]);
  return [...units].map(([unit, rows]) => ({ unit, rows, percent: rows.reduce((sum, r) => sum + r.percent, 0) }));
}

/** The summary sentence the annual report gives the permits: how many were applied for and granted. */
export function permitSummary(permits: readonly NhvPermit[]): string {
  const applied = permits.filter((p) => p.outcome !== "declined_to_apply").length;
  const granted = permits.filter((p) => p.outcome === "granted" || p.outcome === "granted_partner").length;
  return `${permits.length} vårdområden utlysta; ${applied} sökta, ${granted} med tillstånd.`;
}
