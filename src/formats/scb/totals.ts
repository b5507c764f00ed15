import { PopulationFileError, type PopulationFileLocation } from "./population-file-error";
import type { PopulationRow } from "./population-row";

/** One figure of a table before other breakdowns (age, sex) are folded away. */
export interface PopulationCell {
  areaCode: string;
  date: string;
  /** Category of each further breakdown, by the breakdown's name. */
  breakdown: Record<string, { code: string; label: string }>;
  population: number;
  where: PopulationFileLocation;
}

const TOTAL = /^(tot(alt)?\b|samtliga|män och kvinnor$|1\+2$)/i;

export function isTotalCategory(category: { code: string; label: string }): boolean {
  return TOTAL.test(category.code.trim()) || TOTAL.test(category.label.trim());
}

/**
 * Folds breakdowns such as age or sex into one figure per area and day. Where a breakdown has a
 * total category ("totalt ålder", "män och kvinnor") only that is used, since adding it to its
 * parts would count people twice; otherwise the parts are summed (ages 0–17 give the 0–17 key).
 */
export function foldBreakdowns(cells: readonly PopulationCell[], fileName: string): PopulationRow[] {
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = JSON.stringify([cell.areaCode, cell.date, Object.entries(cell.breakdown).map(([n, c]) => [n, c.code]).sort()]);
    if (seen.has(key)) throw new PopulationFileError(cell.where, `område ${cell.areaCode} per ${cell.date} förekommer två gånger`);
    seen.add(key);
  }
  let kept = [...cells];
  const names = new Set(cells.flatMap((c) => Object.keys(c.breakdown)));
  for (const name of names) {
    const categories = new Map<string, { code: string; label: string }>();
    for (const cell of kept) {
      const category = cell.breakdown[name];
      if (category) categories.set(category.code, category);
    }
    if (categories.size < 2) continue;
    const totals = [...categories.values()].filter(isTotalCategory);
    if (totals.length > 1) {
      throw new PopulationFileError({ file: fileName, field: name }, `flera totalkategorier (${totals.map((t) => t.label).join(", ")}); välj en`);
    }
    const total = totals[0];
    if (total) kept = kept.filter((c) => c.breakdown[name]?.code === total.code);
  }
  const sums = new Map<string, PopulationRow>();
  for (const cell of kept) {
    const key = JSON.stringify([cell.areaCode, cell.date]);
    const row = sums.get(key);
    if (!row) {
      sums.set(key, { areaCode: cell.areaCode, date: cell.date, population: cell.population });
      continue;
    }
    row.population += cell.population;
    if (!Number.isSafeInteger(row.population)) throw new PopulationFileError(cell.where, "summan är för stor");
  }
  return [...sums.values()];
}
