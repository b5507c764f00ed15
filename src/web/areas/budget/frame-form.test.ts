import { describe, expect, it } from "vitest";
import { checkFrameChange } from "../../../core/budget";
import { amountText, exactMoney, readAmount, roundingNote, signedMoney } from "./amounts";
import { balanceOf, buildFrameSpec, emptyFrameForm, frameFormFromSpec, newLine, problemFields } from "./frame-form";

const MKR = 100_000_000;
const sp = (s: string) => s.replace(/\u00a0/g, " ");

describe("amounts", () => {
  it("reads unit-less figures in the form's unit and writes them back exactly", () => {
    const errors = {};
    expect(readAmount("81", "mkr", "x", "Rad 1", errors)).toBe(81 * MKR);
    expect(readAmount("2,5 tkr", "mkr", "x", "Rad 1", errors)).toBe(250_000);
    expect(errors).toEqual({});
    expect(sp(amountText(190 * MKR, "mkr"))).toBe("190 mkr");
    expect(sp(amountText(12_345, "mkr"))).toBe("123,45 kr");
  });
  it("names the field of an unreadable or missing amount", () => {
    const errors: Record<string, string> = {};
    readAmount("12 euro", "mkr", "line-1-amount", "Rad 1 (Personal)", errors);
    readAmount("", "mkr", "gross", "Ramförstärkning", errors, true);
    expect(errors["line-1-amount"]).toMatch(/^Rad 1 \(Personal\): .*euro/);
    expect(sp(errors.gross!)).toBe('Ramförstärkning: ange ett belopp, till exempel "81 mkr".');
  });
  it("shows exact tkr with the decimals needed and a signed difference", () => {
    expect(sp(exactMoney({ numerator: "163750000", denominator: "1" }, "tkr"))).toBe("1 637,5 tkr");
    expect(sp(signedMoney({ numerator: "1750000", denominator: "1" }, "tkr"))).toBe("+17,5 tkr");
    expect(sp(exactMoney({ numerator: "1", denominator: "3" }, "kr"))).toBe("≈ 0,00 kr");
  });
  it("says when rounded rows do not add up to the rounded total", () => {
    expect(roundingNote("tkr", [100_000, 200_000], 300_000)).toMatch(/ingen avrundning behövs/);
    // 0,4 + 0,4 + 0,4 tkr: each shows as 0, the total 1,2 as 1.
    expect(sp(roundingNote("tkr", [40_000, 40_000, 40_000], 120_000))).toMatch(/summerar till 0 tkr, summan visas som 1 tkr/);
  });
});

describe("frame change form (seed 004)", () => {
  const seedSpec = {
    grossIncrease: 214 * MKR,
    reductions: [{ label: "Höjda avgifter", amount: 24 * MKR, reason: "Beslut om höjda avgifter" }],
    lines: [81, 19, 20, 3, 6, 7, 50, 3, 1].map((m, i) => ({ label: `Rad ${i + 1}`, amount: m * MKR })),
  };

  it("round-trips a saved spec through the text fields", () => {
    const form = frameFormFromSpec(seedSpec);
    expect(sp(form.grossText)).toBe("214 mkr");
    expect(buildFrameSpec(form, true)).toEqual({ spec: seedSpec, errors: {} });
  });

  it("counts empty fields as 0 while typing, so the running check shows what is left", () => {
    const form = { ...emptyFrameForm(), grossText: "214", reductions: frameFormFromSpec(seedSpec).reductions, lines: [{ ...newLine(), label: "Personal", amountText: "81" }, newLine()] };
    const { spec, errors } = buildFrameSpec(form);
    expect(errors).toEqual({});
    const result = checkFrameChange(spec);
    expect(result.unallocated).toBe(109 * MKR);
    expect(sp(JSON.stringify(balanceOf(result, "mkr")))).toBe(JSON.stringify({ tone: "open", label: "Kvar att fördela", amount: "109 mkr" }));
    const strict = buildFrameSpec(form, true).errors;
    expect(Object.keys(strict)).toEqual([`line-${form.lines[1]!.id}-label`, `line-${form.lines[1]!.id}-amount`]);
  });

  it("reports over-allocation and maps the server's problem paths to fields", () => {
    const form = frameFormFromSpec({ ...seedSpec, lines: [...seedSpec.lines, { label: "", amount: 2 * MKR }] });
    const result = checkFrameChange(buildFrameSpec(form).spec);
    expect(sp(JSON.stringify(balanceOf(result, "mkr")))).toContain('"label":"Överfördelat","amount":"2 mkr"');
    const fields = problemFields(result.problems, form);
    expect(Object.keys(fields)).toEqual([`line-${form.lines[9]!.id}-label`]);
  });
});
