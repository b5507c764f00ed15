import { describe, expect, it } from "vitest";
import { checkMapping, emptyMappingForm, formFromMapping, type MappingForm } from "./mapping-form";

const filled = (): MappingForm => ({ ...emptyMappingForm(), name: "Raindance", columns: { ...emptyMappingForm().columns, account: "Konto", amount: "3", period: "Period", project: "Projekt" } });

describe("CSV mapping editor", () => {
  it("turns header texts and column numbers into the mapping", () => {
    expect(checkMapping(filled())).toEqual({
      mapping: { name: "Raindance", separator: ";", decimalComma: true, hasHeader: true, encoding: "utf-8", sign: "ledger", columns: { account: "Konto", amount: 3, period: "Period", project: "Projekt" } },
    });
  });

  it("names each missing or impossible column", () => {
    const form = { ...filled(), name: " ", separator: ";;", columns: { ...filled().columns, account: "", period: "" } };
    const result = checkMapping(form);
    expect(result).toEqual({
      errors: {
        name: "Ange ett namn på mappningen.",
        separator: "Avgränsaren ska vara ett tecken, till exempel ; eller , (skriv tab för tabb).",
        account: "Ange kolumnen för konto: rubrik eller nummer (1 = första).",
        period: "Ange kolumnen för period eller för datum.",
      },
    });
    const noHeader = checkMapping({ ...filled(), hasHeader: false });
    expect(noHeader).toMatchObject({ errors: { account: "Filen saknar rubrikrad: ange kolumnens nummer." } });
    expect(checkMapping({ ...filled(), columns: { ...filled().columns, amount: "0" } })).toMatchObject({ errors: { amount: "Kolumnnummer börjar på 1." } });
  });

  it("reads a saved mapping back into the form, tab as the word", () => {
    const saved = checkMapping({ ...filled(), separator: "tab" });
    if (!("mapping" in saved)) throw new Error("mappningen borde vara giltig");
    expect(saved.mapping.separator).toBe("\t");
    const form = formFromMapping(saved.mapping);
    expect(form.separator).toBe("tab");
    expect(form.columns).toEqual({ account: "Konto", amount: "3", period: "Period", date: "", costCentre: "", project: "Projekt", text: "" });
  });
});
