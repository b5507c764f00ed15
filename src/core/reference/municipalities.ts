/** A municipality (kommun) by SCB's four-digit code; the first two digits are its county. */
export interface Municipality {
  code: string;
  /** Short display name, "Upplands Väsby". */
  name: string;
  countyCode: string;
}

/** Area codes SCB uses: "00" the nation, two digits a county, four digits a municipality. */
export type AreaLevel = "nation" | "county" | "municipality";

export const NATION_CODE = "00";

export function areaLevelOf(code: string): AreaLevel | undefined {
  if (code === NATION_CODE) return "nation";
  if (/^\d{2}$/.test(code)) return "county";
  if (/^\d{4}$/.test(code)) return "municipality";
  return undefined;
}
