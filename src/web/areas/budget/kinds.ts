import type { ApiPath, Kind } from "./api";
import type { Unit } from "./amounts";

/** How each kind of budget document is named and reached in the UI. */
export interface KindInfo {
  kind: Kind;
  apiPath: ApiPath;
  /** URL segment under /budget. */
  slug: string;
  plural: string;
  singular: string;
  /** "Ny ramförändring". */
  newLabel: string;
  /** The unit amounts are shown in when the document does not say. */
  unit: Unit;
  intro: string;
}

export const kinds: readonly KindInfo[] = [
  { kind: "budget", apiPath: "budgets", slug: "budgetar", plural: "Budgetar", singular: "Budget", newLabel: "Ny budget", unit: "tkr", intro: "Flerårstabell per kostnadsslag med utfall, budget och prognos, och budgetförslaget: föregående budget × index + beslutade tillägg, fördelat på medlemmarna." },
  { kind: "frame_change", apiPath: "frame-changes", slug: "ramforandringar", plural: "Ramförändringar", singular: "Ramförändring", newLabel: "Ny ramförändring", unit: "mkr", intro: "En ramförstärkning minus minskningar ger utrymmet att fördela; raderna måste gå jämnt ut innan förändringen kan fastställas." },
  { kind: "joint_financing", apiPath: "joint-financings", slug: "samfinansiering", plural: "Samfinansiering", singular: "Samfinansiering", newLabel: "Ny samfinansiering", unit: "kr", intro: "Gemensam finansiering mellan medlemmar: ett belopp per invånare i ett område på ett datum, lika delar eller överenskomna andelar." },
  { kind: "subscription", apiPath: "subscriptions", slug: "abonnemang", plural: "Abonnemang", singular: "Abonnemang", newLabel: "Nytt abonnemang", unit: "tkr", intro: "Köpare × säljare med rad- och kolumnsummor, fast grundandel och uppräkning; jämförs med källans egna summor." },
];

export const kindInfo = (kind: Kind): KindInfo => kinds.find((k) => k.kind === kind)!;

export const statusText = { proposal: "Förslag", decided: "Beslutad" } as const;
