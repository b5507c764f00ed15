import { codeString, isoDate, nameText } from "../input-schemas";
import { z } from "zod";
import { UserFacingError } from "../errors";
import { roundingModeValues, type AllocationInput, type AllocationLineInput } from "./types";
import { defaultPopulationBasis, populationBases } from "../population-key";

// An allocation as a user states it: recipients and a key, before population figures are
// looked up. The same schema validates the HTTP API, the CLI's JSON input and saved specs.

const ore = z.number().int().refine(Number.isSafeInteger, "Beloppet är för stort");

export const RequestLineSchema = z.object({
  label: nameText().trim().min(1, "Raden saknar benämning"),
  recipientCode: codeString().optional(),
  method: z.enum(["population", "weight", "equal", "fixed", "percent", "remainder"]),
  weight: z.number().int().nonnegative().optional(),
  amount: ore.optional(),
  percent: codeString().optional(),
});

export const PopulationKeySchema = z.object({
  kind: z.literal("population"),
  date: isoDate(),
  /** "membership": a cooperation region is its municipalities; "whole_regions": its member regions in full. */
  basis: z.enum(populationBases).default(defaultPopulationBasis.allocation),
});

export const AllocationRequestSchema = z.object({
  total: ore,
  unit: ore.refine((u) => u > 0, "Avrundningsenheten måste vara större än noll"),
  rounding: z.enum(roundingModeValues),
  pool: ore.optional(),
  key: z.discriminatedUnion("kind", [PopulationKeySchema, z.object({ kind: z.literal("none") })]).default({ kind: "none" }),
  lines: z.array(RequestLineSchema).min(1, "Minst en mottagare behövs"),
});

export type AllocationRequest = z.infer<typeof AllocationRequestSchema>;
export type AllocationRequestLine = z.infer<typeof RequestLineSchema>;

export interface PopulationFigure {
  population: number;
  /** Swedish description of the figure: "Folkmängd 2023-12-31 enligt SCB (hela regioner)". */
  basis: string;
}

/** A request that cannot become an allocation (a population line without a key or figure). */
export class AllocationRequestError extends UserFacingError {
  constructor(message: string, lineIndex?: number) {
    super(message, { code: "allocation", where: lineIndex === undefined ? undefined : { path: `lines.${lineIndex}` } });
  }
}

/** The recipient codes whose population the request needs. */
export function populationCodes(request: AllocationRequest): string[] {
  return request.lines.filter((l) => l.method === "population").map((l, i) => {
    if (!l.recipientCode) throw new AllocationRequestError(`Rad ${i + 1} (${l.label}): fördelning efter folkmängd kräver en mottagare med kod.`, i);
    return l.recipientCode;
  });
}

/** Turns a stated request into the engine's input, given the looked-up population figures. */
export function toAllocationInput(request: AllocationRequest, populations: ReadonlyMap<string, PopulationFigure>): AllocationInput {
  const lines: AllocationLineInput[] = request.lines.map((line, index) => {
    const key = line.recipientCode ?? `line-${index + 1}`;
    if (line.method !== "population") {
      return { key, label: line.label, method: line.method, weight: line.weight, amount: line.amount, percent: line.percent };
    }
    if (request.key.kind !== "population") {
      throw new AllocationRequestError(`Rad ${index + 1} (${line.label}): välj datum och område för folkmängdsnyckeln.`, index);
    }
    const figure = populations.get(key);
    if (!figure) throw new AllocationRequestError(`Rad ${index + 1} (${line.label}): folkmängd saknas.`, index);
    return { key, label: line.label, method: "weight", weight: figure.population, basis: figure.basis };
  });
  return { total: request.total, unit: request.unit, rounding: request.rounding, pool: request.pool, lines };
}
