/** What an organisation is: the state, SKR, a region, a cooperation region, a municipality, a board… */
export type OrganisationKind = "state" | "skr" | "region" | "cooperation_region" | "municipality" | "board" | "other";
