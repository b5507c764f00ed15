import type { DeadlineKind, GrantStatus, RecipientGroup } from "./types";

export const groupLabels: Record<RecipientGroup, string> = {
  skr: "SKR",
  regions: "Regionerna",
  cooperation_regions: "Samverkansregionerna",
  other: "Övriga mottagare",
};

export const deadlineKindLabels: Record<DeadlineKind, string> = {
  requisition: "Rekvisition",
  financial_report: "Ekonomisk redovisning",
  repayment: "Återbetalning",
  partial_report: "Delredovisning",
  final_report: "Slutredovisning",
};

export const statusCodeLabels: Record<GrantStatus["code"], string> = {
  requisition: "Att rekvirera",
  lapsed: "Rätten förfallen",
  awaiting_payment: "Väntar på utbetalning",
  follow_up: "Att redovisa",
  done: "Klart",
};

export const lineKindLabels = { fixed: "Fast belopp", earmarked: "Öronmärkt", remainder: "Resten" } as const;

/** "om 12 dagar", "i dag", "3 dagar sedan"; the number is what a controller scans for. */
export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft === 0) return "i dag";
  if (daysLeft === 1) return "i morgon";
  if (daysLeft > 0) return `om ${daysLeft} dagar`;
  return daysLeft === -1 ? "1 dag sedan" : `${-daysLeft} dagar sedan`;
}
