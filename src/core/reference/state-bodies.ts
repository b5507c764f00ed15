/** State bodies and SKR that decide, pay out, or receive reports and repayments. */
export interface StateBody {
  code: string;
  kind: "state" | "skr";
  name: string;
  shortName: string;
}

export const STATE_BODIES: readonly StateBody[] = [
  { code: "REGERINGEN", kind: "state", name: "Regeringen (Socialdepartementet)", shortName: "Regeringen" },
  { code: "KAMMARKOLLEGIET", kind: "state", name: "Kammarkollegiet", shortName: "Kammarkollegiet" },
  { code: "SOCIALSTYRELSEN", kind: "state", name: "Socialstyrelsen", shortName: "Socialstyrelsen" },
  { code: "SKR", kind: "skr", name: "Sveriges Kommuner och Regioner", shortName: "SKR" },
];
