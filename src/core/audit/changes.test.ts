import { describe, expect, it } from "vitest";
import { fieldChanges, valueText } from "./changes";

const nbsp = "\u00a0";

describe("audit field changes", () => {
  it("lists only the fields that changed, nested paths flattened and named in Swedish", () => {
    const changes = fieldChanges(
      { title: "Fördelning 2024", total: 164_000_000, lines: [{ label: "Region A", amount: 100 }, { label: "Region B", amount: 250 }], status: "draft" },
      { title: "Fördelning 2024", total: 164_000_050, lines: [{ label: "Region A", amount: 100 }, { label: "Region B", amount: 300 }], status: "decided" },
    );
    expect(changes).toEqual([
      { path: "total", label: "Totalbelopp", before: `1${nbsp}640${nbsp}000${nbsp}kr`, after: `1${nbsp}640${nbsp}000,50${nbsp}kr` },
      { path: "lines[1].amount", label: "Rader 2 › Belopp", before: `2,50${nbsp}kr`, after: `3${nbsp}kr` },
      { path: "status", label: "Status", before: "utkast", after: "fastställd" },
    ]);
  });

  it("shows a created record's fields as new and a removed one's as gone", () => {
    expect(fieldChanges(null, { username: "anna", isAdmin: false, roles: [] })).toEqual([
      { path: "username", label: "Användarnamn", before: null, after: "anna" },
      { path: "isAdmin", label: "Administratör", before: null, after: "nej" },
      { path: "roles", label: "Roller", before: null, after: "(tom lista)" },
    ]);
    expect(fieldChanges({ amountOre: 12345 }, null)).toEqual([{ path: "amountOre", label: "amountOre", before: `123,45${nbsp}kr`, after: null }]);
  });

  it("names a scalar value and a field that appears or disappears", () => {
    expect(fieldChanges(1, 2)).toEqual([{ path: "", label: "Värde", before: "1", after: "2" }]);
    expect(fieldChanges({ a: { b: 1 } }, { a: { c: "x" } })).toEqual([
      { path: "a.b", label: "a › b", before: "1", after: null },
      { path: "a.c", label: "a › c", before: null, after: "x" },
    ]);
  });

  it("writes numbers the Swedish way, codes and years as they are", () => {
    expect(valueText(2024)).toBe("2024");
    expect(valueText(2_379_408)).toBe(`2${nbsp}379${nbsp}408`);
    expect(valueText(3.1)).toBe("3,1");
    expect(valueText(null)).toBe("–");
  });
});
