// Texts of the account suggestion shown after an import (AccountSuggestionCard).
import type { AccountSuggestion, AccountSuggestionRow } from "./types";

export const TREATMENT_LABELS: Record<AccountSuggestionRow["treatment"], string> = {
  jointFinancing: "Solidarisk finansiering",
  otherIncome: "Övriga intäkter",
};

const accounts = (n: number) => (n === 1 ? "1 konto" : `${n} konton`);

/** The rows accepting would change; the others are shown as what already holds. */
export const changedRows = (s: AccountSuggestion | undefined) => s?.rows.filter((r) => r.change) ?? [];

/** "1 konto räknas som solidarisk finansiering och 2 konton som övriga intäkter." after accepting. */
export function acceptedText(added: { jointFinancing?: boolean }[]): string {
  const joint = added.filter((a) => a.jointFinancing).length;
  const income = added.length - joint;
  const parts = [joint > 0 && `${accounts(joint)} som solidarisk finansiering`, income > 0 && `${accounts(income)} som övriga intäkter`].filter(Boolean);
  return `Förslaget är godtaget: ${parts.join(" och ")} i projektredovisningen och rapporterna.`;
}
