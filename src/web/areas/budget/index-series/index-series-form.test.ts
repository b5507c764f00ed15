import { describe, expect, it } from "vitest";
import { codeError, formOf, readIndexValue } from "./index-series-form";

describe("index series value form", () => {
  it("reads a Swedish decimal percent exactly and writes it back in canonical form", () => {
    expect(readIndexValue({ yearText: "2024", percentText: "3,1", source: "SKR" })).toEqual({ value: { year: 2024, changePercent: "3,1", source: "SKR" }, errors: {} });
    expect(readIndexValue({ yearText: " 2023 ", percentText: "3,10 %", source: " LPIK okt 2023 " }).value).toEqual({ year: 2023, changePercent: "3,1", source: "LPIK okt 2023" });
    expect(readIndexValue({ yearText: "2022", percentText: "-0,25", source: "x" }).value?.changePercent).toBe("-0,25");
    // No floating point: 0,1 + 0,2 style values stay exact.
    expect(readIndexValue({ yearText: "2022", percentText: "2.75", source: "x" }).value?.changePercent).toBe("2,75");
  });

  it("names each wrong field in Swedish", () => {
    const { value, errors } = readIndexValue({ yearText: "24", percentText: "tre", source: "" });
    expect(value).toBeUndefined();
    expect(errors["index-year"]).toBe('År: "24" är inget år; skriv fyra siffror, t.ex. 2024.');
    expect(errors["index-percent"]).toContain('Förändring: Procentsatsen "tre" är inte ett tal');
    expect(errors["index-source"]).toBe("Källa: ange varifrån värdet kommer, t.ex. SKR:s cirkulär.");
    expect(readIndexValue({ yearText: "2024", percentText: "", source: "x" }, "new").errors).toEqual({ "new-percent": 'Förändring: ange procentsatsen, t.ex. "3,1".' });
  });

  it("checks series codes and fills the form from a stored value", () => {
    expect(codeError("LPIK")).toBeNull();
    expect(codeError("")).toBe("Ange seriens kod, t.ex. LPIK.");
    expect(codeError("LP IK")).toContain('Koden "LP IK"');
    expect(formOf({ year: 2024, changePercent: "3,1", source: "SKR" })).toEqual({ yearText: "2024", percentText: "3,1", source: "SKR" });
  });
});

describe("uprating factor of a year", () => {
  it("is 1 + change/100, exact", async () => {
    const { upratingText } = await import("./uprating");
    expect(upratingText("3,1")).toBe("1,031");
    expect(upratingText("2,5")).toBe("1,025");
    expect(upratingText("-0,25")).toBe("0,9975");
  });
});
