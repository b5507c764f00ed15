import { allocate } from "../../core/allocation";
import { populationCodes, toAllocationInput, type AllocationRequest, type PopulationFigure } from "../../core/allocation/request";
import type { AllocationInput, AllocationResult } from "../../core/allocation/types";
import type { Db } from "../connect";
import { populationOf } from "./population";

/** Looks up the population figures a request's key needs, then runs the allocation engine. */
export async function computeAllocation(db: Db, request: AllocationRequest): Promise<{ input: AllocationInput; result: AllocationResult }> {
  const populations = new Map<string, PopulationFigure>();
  if (request.key.kind === "population") {
    for (const code of populationCodes(request)) {
      const figure = await populationOf(db, { code, date: request.key.date, basis: request.key.basis });
      populations.set(code, { population: figure.population, basis: figure.basis });
    }
  }
  const input = toAllocationInput(request, populations);
  return { input, result: allocate(input) };
}
