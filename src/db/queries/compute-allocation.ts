import { allocate } from "../../core/allocation";
import { populationCodes, toAllocationInput, type AllocationRequest, type PopulationFigure } from "../../core/allocation/request";
import type { AllocationInput, AllocationResult } from "../../core/allocation/types";
import type { Db } from "../connect";
import { populationsOf } from "./population";

/** Looks up the population figures a request's key needs, then runs the allocation engine. */
export async function computeAllocation(db: Db, request: AllocationRequest): Promise<{ input: AllocationInput; result: AllocationResult }> {
  const populations = new Map<string, PopulationFigure>();
  if (request.key.kind === "population") {
    const codes = populationCodes(request);
    const figures = await populationsOf(db, codes, request.key.date, request.key.basis);
    codes.forEach((code, i) => populations.set(code, { population: figures[i]!.population, basis: figures[i]!.basis }));
  }
  const input = toAllocationInput(request, populations);
  return { input, result: allocate(input) };
}
