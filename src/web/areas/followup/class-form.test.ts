import { describe, expect, it } from "vitest";
import { checkClassRows, rowFromOverride } from "./class-form";

describe("account class overrides", () => {
  it("saves ranges, joint financing only where set", () => {
    expect(checkClassRows([{ from: " 3010", to: "3019 ", class: "income", jointFinancing: true }, { from: "7990", to: "7999", class: "financial", jointFinancing: false }])).toEqual({
      overrides: [
        { from: "3010", to: "3019", class: "income", jointFinancing: true },
        { from: "7990", to: "7999", class: "financial" },
      ],
    });
    expect(rowFromOverride({ from: "3010", to: "3019", class: "income" })).toEqual({ from: "3010", to: "3019", class: "income", jointFinancing: false });
  });

  it("refuses empty, reversed and impossible rows, naming the row", () => {
    expect(
      checkClassRows([
        { from: "", to: "3019", class: "income", jointFinancing: false },
        { from: "3100", to: "999", class: "income", jointFinancing: false },
        { from: "7010", to: "7019", class: "staff", jointFinancing: true },
        { from: "999", to: "1000", class: "other", jointFinancing: false },
      ]),
    ).toEqual({
      errors: {
        0: { from: "Rad 1: ange första kontot i intervallet." },
        1: { to: "Rad 2: sista kontot 999 kommer före första kontot 3100." },
        2: { jointFinancing: "Rad 3: solidarisk finansiering gäller bara intäktskonton." },
      },
    });
  });
});
