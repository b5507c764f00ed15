// Linking an accounting object to a grant by choosing the grant by name (was: typing its id).
import type { Decision } from "../../../core/grants/records";

export type GrantOption = Pick<Decision, "id" | "title" | "diaryNumber" | "decisionDate" | "status">;

/** "Sammanhållen, jämlik och säker vård 2023 (S2023/00488, 2023-02-02)", "(utkast)" for a draft. */
export function grantLabel(g: GrantOption): string {
  const facts = [g.diaryNumber, g.decisionDate, g.status === "draft" ? "utkast" : null].filter(Boolean);
  return facts.length > 0 ? `${g.title} (${facts.join(", ")})` : g.title;
}

/** Grants by title, then decision date, newest first among equal titles. */
export function grantOptions(grants: readonly GrantOption[]): GrantOption[] {
  return [...grants].sort((a, b) => a.title.localeCompare(b.title, "sv") || (b.decisionDate ?? "").localeCompare(a.decisionDate ?? ""));
}

/** What the link table shows for a stored grant id: its name, or that it is not (or no longer) visible. */
export function linkedGrantName(id: number | null, grants: readonly GrantOption[]): string {
  if (id === null) return "–";
  const g = grants.find((x) => x.id === id);
  return g ? grantLabel(g) : `Statsbidrag ${id} (finns inte eller syns inte för dig)`;
}
