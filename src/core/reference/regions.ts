/** One of Sweden's 21 regions, identified by its county code (länskod). */
export interface Region {
  /** Two-digit county code, also the region's organisation code ("01" … "25"). */
  countyCode: string;
  /** The organisation's name as decisions write it ("Region Jönköpings län", "Västra Götalandsregionen"). */
  name: string;
}

export const REGIONS: readonly Region[] = [
  { countyCode: "01", name: "Region Stockholm" },
  { countyCode: "03", name: "Region Uppsala" },
  { countyCode: "04", name: "Region Sörmland" },
  { countyCode: "05", name: "Region Östergötland" },
  { countyCode: "06", name: "Region Jönköpings län" },
  { countyCode: "07", name: "Region Kronoberg" },
  { countyCode: "08", name: "Region Kalmar län" },
  { countyCode: "09", name: "Region Gotland" },
  { countyCode: "10", name: "Region Blekinge" },
  { countyCode: "12", name: "Region Skåne" },
  { countyCode: "13", name: "Region Halland" },
  { countyCode: "14", name: "Västra Götalandsregionen" },
  { countyCode: "17", name: "Region Värmland" },
  { countyCode: "18", name: "Region Örebro län" },
  { countyCode: "19", name: "Region Västmanland" },
  { countyCode: "20", name: "Region Dalarna" },
  { countyCode: "21", name: "Region Gävleborg" },
  { countyCode: "22", name: "Region Västernorrland" },
  { countyCode: "23", name: "Region Jämtland Härjedalen" },
  { countyCode: "24", name: "Region Västerbotten" },
  { countyCode: "25", name: "Region Norrbotten" },
];

/** County names (SCB's "Stockholms län") and their short forms, by county code. */
const COUNTY_NAMES: Record<string, readonly string[]> = {
  "01": ["Stockholms län", "Stockholm"],
  "03": ["Uppsala län", "Uppsala"],
  "04": ["Södermanlands län", "Södermanland", "Sörmland", "Sörmlands län"],
  "05": ["Östergötlands län", "Östergötland"],
  "06": ["Jönköpings län", "Jönköping", "Region Jönköping"],
  "07": ["Kronobergs län", "Kronoberg"],
  "08": ["Kalmar län", "Kalmar", "Region Kalmar"],
  "09": ["Gotlands län", "Gotland", "Gotlands kommun"],
  "10": ["Blekinge län", "Blekinge"],
  "12": ["Skåne län", "Skåne"],
  "13": ["Hallands län", "Halland"],
  "14": ["Västra Götalands län", "Västra Götaland", "Region Västra Götaland", "VGR"],
  "17": ["Värmlands län", "Värmland"],
  "18": ["Örebro län", "Örebro", "Region Örebro"],
  "19": ["Västmanlands län", "Västmanland"],
  "20": ["Dalarnas län", "Dalarna"],
  "21": ["Gävleborgs län", "Gävleborg"],
  "22": ["Västernorrlands län", "Västernorrland"],
  "23": ["Jämtlands län", "Jämtland", "Jämtland Härjedalen", "Region Jämtland", "Region Jämtlands län"],
  "24": ["Västerbottens län", "Västerbotten"],
  // Seed 002's annex 1 writes "Region Norrbottens".
  "25": ["Norrbottens län", "Norrbotten", "Region Norrbottens", "Region Norrbottens län"],
};

/** Case, spacing and no-break spaces vary between documents; the words do not. */
function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim().toLocaleLowerCase("sv-SE");
}

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const region of REGIONS) {
    map.set(normaliseName(region.name), region.countyCode);
    for (const alias of COUNTY_NAMES[region.countyCode] ?? []) map.set(normaliseName(alias), region.countyCode);
  }
  return map;
})();

/**
 * The county code of a region named in a document, or undefined when the name is not known.
 * @example resolveRegionName("Region Norrbottens") // "25"
 */
export function resolveRegionName(name: string): string | undefined {
  return BY_NAME.get(normaliseName(name));
}

export function regionByCode(countyCode: string): Region | undefined {
  return REGIONS.find((r) => r.countyCode === countyCode);
}

/** SCB's name of the county (län), which is what a population figure describes: "Skåne län". */
export function countyName(countyCode: string): string | undefined {
  return COUNTY_NAMES[countyCode]?.[0];
}
