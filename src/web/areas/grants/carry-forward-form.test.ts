import { describe, expect, it } from "vitest";
import { carryableParts, emptyCarryForwardForm, laterParts, toCarryForward } from "./carry-forward-form";
import type { CoordinatorOverview } from "./closing-api";

type Row = CoordinatorOverview["rows"][number];
const row = (partId: number, year: number, unspent: number, carried = false): Row =>
  ({ partId, year, figures: { unspent }, carryForward: carried ? { diaryNumber: "S2024/1", toPartId: 9, newDeadline: "2025-03-31" } : null }) as unknown as Row;

describe("the carry-forward form", () => {
  const rows = [row(1, 2023, 199_994_400), row(2, 2023, 0), row(3, 2024, 0), row(4, 2022, 5_00, true)];

  it("offers only parts with money left, no consent yet and a later year to move to", () => {
    expect(carryableParts(rows).map((r) => r.partId)).toEqual([1]);
    expect(laterParts(rows, 1).map((r) => r.partId)).toEqual([3]);
    expect(carryableParts([row(1, 2023, 100)])).toEqual([]);
    expect(emptyCarryForwardForm(rows)).toMatchObject({ fromPartId: "1", toPartId: "3" });
  });

  it("reads the consent and names each missing or wrong field in Swedish", () => {
    const ok = toCarryForward({ fromPartId: "1", toPartId: "3", diaryNumber: " S2024/00123 ", decidedOn: "2024-02-01", newDeadline: "2025-03-31", cap: "1 200 000 kr" });
    expect(ok.input).toEqual({ fromPartId: 1, toPartId: 3, diaryNumber: "S2024/00123", decidedOn: "2024-02-01", newDeadline: "2025-03-31", cap: 120_000_000 });
    expect(toCarryForward({ fromPartId: "1", toPartId: "3", diaryNumber: "S2024/1", decidedOn: "2024-02-01", newDeadline: "2025-03-31", cap: "" }).input?.cap).toBeNull();
    const bad = toCarryForward({ fromPartId: "", toPartId: "", diaryNumber: " ", decidedOn: "2024-02-30", newDeadline: "", cap: "0 kr" });
    expect(bad.input).toBeUndefined();
    expect(bad.errors).toEqual({
      "carry-from": expect.stringContaining("Välj delen"),
      "carry-to": expect.stringContaining("nästa års del"),
      "carry-diary": expect.stringContaining("diarienumret"),
      "carry-decided": "2024-02-30 är inget datum som finns; skriv ÅÅÅÅ-MM-DD.",
      "carry-deadline": "Ange ny sista dag (ÅÅÅÅ-MM-DD).",
      "carry-cap": expect.stringContaining("större än 0 kr"),
    });
  });
});
