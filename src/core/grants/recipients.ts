import { COOPERATION_REGIONS } from "../reference/cooperation-regions";
import { REGIONS, resolveRegionName } from "../reference/regions";
import { STATE_BODIES } from "../reference/state-bodies";
import type { RecipientGroup } from "./types";

const normalise = (s: string) => s.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim().toLocaleLowerCase("sv-SE");

/**
 * The organisation code of a recipient named in an annex, within the part's recipient group:
 * a region's name as decisions write it ("Region Norrbottens"), a cooperation region's name
 * ("Södra samverkansregionen"), or the code itself ("23", "SVR-SODRA").
 */
export function resolveRecipient(name: string, group: RecipientGroup): string | undefined {
  const text = name.trim();
  if (group === "regions" || group === "other") {
    const code = REGIONS.some((r) => r.countyCode === text) ? text : resolveRegionName(text);
    if (code || group === "regions") return code;
  }
  if (group === "cooperation_regions" || group === "other") {
    const wanted = normalise(text);
    const found = COOPERATION_REGIONS.find((c) => c.code.toLocaleLowerCase("sv-SE") === wanted || normalise(c.name) === wanted);
    if (found || group === "cooperation_regions") return found?.code;
  }
  const wanted = normalise(text);
  return STATE_BODIES.find((b) => normalise(b.code) === wanted || normalise(b.name) === wanted || normalise(b.shortName) === wanted)?.code;
}

/** The recipients a group has when it is distributed whole: all 21 regions, all six cooperation regions, SKR. */
export function groupMembers(group: RecipientGroup): { code: string; name: string }[] {
  switch (group) {
    case "regions":
      return REGIONS.map((r) => ({ code: r.countyCode, name: r.name }));
    case "cooperation_regions":
      return COOPERATION_REGIONS.map((c) => ({ code: c.code, name: c.name }));
    case "skr":
      return [{ code: "SKR", name: "Sveriges Kommuner och Regioner" }];
    case "other":
      return [];
  }
}

const groupWords: Record<RecipientGroup, string> = {
  regions: "en region",
  cooperation_regions: "en samverkansregion",
  skr: "SKR",
  other: "en känd organisation",
};

export function groupWord(group: RecipientGroup): string {
  return groupWords[group];
}
