import type { Municipality } from "./municipalities";

/**
 * The six cooperation regions (samverkansregioner, SFS 2019:1118).
 *
 * Membership is defined per municipality: Halland is split, its southern municipalities belong
 * to Södra and the rest to Västra (the healthcare-region map). A key may instead count member
 * regions as whole organisations, in which case all of Halland counts for both (seed 001's joint
 * financing does this); `memberRegionCodes` gives that view.
 */
export interface CooperationRegion {
  code: string;
  /** As seed 002's annex 2 writes it. */
  name: string;
  /** Counties wholly inside the cooperation region. */
  wholeCounties: readonly string[];
  /** Municipalities of split counties that belong here. */
  extraMunicipalities: readonly string[];
}

export const COOPERATION_REGIONS: readonly CooperationRegion[] = [
  { code: "SVR-NORRA", name: "Norra samverkansregionen", wholeCounties: ["22", "23", "24", "25"], extraMunicipalities: [] },
  {
    code: "SVR-UPPSALA-OREBRO",
    name: "Uppsala-Örebro samverkansregion",
    wholeCounties: ["03", "04", "17", "18", "19", "20", "21"],
    extraMunicipalities: [],
  },
  { code: "SVR-STOCKHOLM-GOTLAND", name: "Stockholm-Gotland samverkansregion", wholeCounties: ["01", "09"], extraMunicipalities: [] },
  { code: "SVR-SYDOSTRA", name: "Sydöstra samverkansregionen", wholeCounties: ["05", "06", "08"], extraMunicipalities: [] },
  // Southern Halland: Hylte, Halmstad, Laholm.
  { code: "SVR-SODRA", name: "Södra samverkansregionen", wholeCounties: ["07", "10", "12"], extraMunicipalities: ["1315", "1380", "1381"] },
  // The rest of Halland: Falkenberg, Varberg, Kungsbacka.
  { code: "SVR-VASTRA", name: "Västra samverkansregionen", wholeCounties: ["14"], extraMunicipalities: ["1382", "1383", "1384"] },
];

export function cooperationRegionByCode(code: string): CooperationRegion | undefined {
  return COOPERATION_REGIONS.find((c) => c.code === code);
}

/** The cooperation region a municipality belongs to on the healthcare-region map. */
export function cooperationRegionOfMunicipality(municipality: Pick<Municipality, "code" | "countyCode">): CooperationRegion | undefined {
  return (
    COOPERATION_REGIONS.find((c) => c.extraMunicipalities.includes(municipality.code)) ??
    COOPERATION_REGIONS.find((c) => c.wholeCounties.includes(municipality.countyCode))
  );
}

/** Municipality codes of a cooperation region (the healthcare-region map). */
export function memberMunicipalityCodes(cooperation: CooperationRegion, municipalities: readonly Municipality[]): string[] {
  return municipalities
    .filter((m) => cooperationRegionOfMunicipality(m)?.code === cooperation.code)
    .map((m) => m.code)
    .sort();
}

/** Member regions as whole organisations: every county with at least one member municipality. */
export function memberRegionCodes(cooperation: CooperationRegion): string[] {
  const counties = new Set(cooperation.wholeCounties);
  for (const m of cooperation.extraMunicipalities) counties.add(m.slice(0, 2));
  return [...counties].sort();
}
