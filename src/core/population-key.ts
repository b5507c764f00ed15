// The population key's vocabulary, in one place for the engine, the API, the CLI and the web.

/**
 * How a cooperation region's population is counted: "membership" = its municipalities as the
 * healthcare-region division has them (southern Halland in Södra); "whole_regions" = its member
 * regions in full (seed 001's joint financing counts all of Halland).
 */
export const populationBases = ["membership", "whole_regions"] as const;
export type PopulationBasis = (typeof populationBases)[number];

/**
 * The basis each kind of use starts from when none is given. They differ on purpose: an
 * allocation or a grant's distribution follows the healthcare-region division, a jointly
 * financed budget is paid by whole member regions.
 */
export const defaultPopulationBasis = {
  allocation: "membership",
  grantDistribution: "membership",
  populationLookup: "membership",
  budget: "whole_regions",
} as const satisfies Record<string, PopulationBasis>;

export const populationBasisNames: Record<PopulationBasis, string> = {
  membership: "kommuner enligt sjukvårdsregionindelningen",
  whole_regions: "hela medlemsregioner",
};

export interface PopulationKey {
  kind: "population";
  date: string;
  basis: PopulationBasis;
}

/** "Folkmängd 2023-12-31 enligt SCB (hela medlemsregioner)". */
export function describePopulationKey(key: { date: string; basis: PopulationBasis }): string {
  return `Folkmängd ${key.date} enligt SCB (${populationBasisNames[key.basis]})`;
}
