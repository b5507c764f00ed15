import type { Ore } from "../allocation/types";

export type ForecastMethod = "budget_remaining" | "linear";

export const FORECAST_METHOD_TEXT: Record<ForecastMethod, string> = {
  budget_remaining: "Utfall till och med senaste månaden med utfall plus budget för årets återstående månader",
  linear: "Utfall till och med senaste månaden med utfall, uppräknat linjärt till tolv månader",
};

/**
 * A year-end forecast from monthly figures (index 0 = January, report sign).
 * - budget_remaining: outcome for months 1..asOf + budget for months asOf+1..12.
 * - linear: outcome for months 1..asOf × 12 / asOf, rounded half away from zero to whole öre.
 * With asOf 0 (no outcome yet) both give the year's budget.
 */
export function forecastYear(outcomeByMonth: readonly Ore[], budgetByMonth: readonly Ore[], asOf: number, method: ForecastMethod, months = 12): Ore {
  if (!Number.isInteger(asOf) || asOf < 0 || asOf > months) throw new RangeError(`Prognosmånaden måste vara 0–${months}, fick ${asOf}`);
  let toDate = 0;
  for (let m = 0; m < asOf; m++) toDate += outcomeByMonth[m] ?? 0;
  let budgetRest = 0;
  for (let m = asOf; m < months; m++) budgetRest += budgetByMonth[m] ?? 0;
  if (asOf === 0) return budgetRest;
  if (method === "budget_remaining") return toDate + budgetRest;
  const num = BigInt(toDate) * BigInt(months);
  const den = BigInt(asOf);
  const q = num / den;
  const r = num % den;
  const away = (r < 0n ? -r : r) * 2n >= den;
  return Number(away ? q + (num < 0n ? -1n : 1n) : q);
}
