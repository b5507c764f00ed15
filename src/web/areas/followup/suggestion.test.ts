import { describe, expect, it } from "vitest";
import { acceptedText, changedRows } from "./suggestion";

describe("account suggestion texts", () => {
  it("says what accepting did, in words", () => {
    expect(acceptedText([{ jointFinancing: true }])).toBe("Förslaget är godtaget: 1 konto som solidarisk finansiering i projektredovisningen och rapporterna.");
    expect(acceptedText([{ jointFinancing: true }, { jointFinancing: false }, { jointFinancing: false }])).toBe(
      "Förslaget är godtaget: 1 konto som solidarisk finansiering och 2 konton som övriga intäkter i projektredovisningen och rapporterna.",
    );
  });

  it("offers only the rows that change something", () => {
    const row = (account: string, change: boolean) => ({ account, name: account, treatment: "otherIncome" as const, reason: "", change });
    expect(changedRows({ rows: [row("3010", true), row("3020", false)], additions: [], basis: "" }).map((r) => r.account)).toEqual(["3010"]);
    expect(changedRows(undefined)).toEqual([]);
  });
});
