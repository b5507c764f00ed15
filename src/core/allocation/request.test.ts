import { describe, expect, it } from "vitest";
import { AllocationRequestSchema, populationCodes, toAllocationInput } from "./request";

const request = AllocationRequestSchema.parse({
  total: 100_000_00,
  unit: 100,
  rounding: "largest-remainder",
  key: { kind: "population", date: "2021-12-31" },
  lines: [
    { label: "Region Blekinge", recipientCode: "10", method: "population" },
    { label: "Kansli", method: "fixed", amount: 10_000_00 },
  ],
});

describe("allocation requests", () => {
  it("lists the codes whose population is needed", () => {
    expect(populationCodes(request)).toEqual(["10"]);
  });

  it("turns population lines into weights with their basis", () => {
    const input = toAllocationInput(request, new Map([["10", { population: 158_937, basis: "Folkmängd 2021-12-31 enligt SCB" }]]));
    expect(input.lines[0]).toEqual({ key: "10", label: "Region Blekinge", method: "weight", weight: 158_937, basis: "Folkmängd 2021-12-31 enligt SCB" });
    expect(input.lines[1]).toMatchObject({ key: "line-2", method: "fixed", amount: 10_000_00 });
  });

  it("refuses a population line without figures", () => {
    expect(() => toAllocationInput(request, new Map())).toThrow(/Rad 1 \(Region Blekinge\): folkmängd saknas/);
  });

  it("rejects a non-integer amount", () => {
    const r = AllocationRequestSchema.safeParse({ ...request, total: 1.5 });
    expect(r.success).toBe(false);
  });
});
