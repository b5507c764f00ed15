import { describe, expect, it } from "vitest";
import { kr } from "../../format";
import { coverageText, emptyAgreementForm, formFromAgreement, toAgreementInput } from "./agreement-form";

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("agreement form", () => {
  it("turns the typed form into the API input, amount in öre", () => {
    const form = { ...emptyAgreementForm(2023, "7"), name: " Sammanhållen, jämlik och säker vård 2023 ", totalText: "226 mnkr", diaryNumber: "" };
    expect(toAgreementInput(form)).toEqual({
      errors: {},
      input: { organisationId: 7, name: "Sammanhållen, jämlik och säker vård 2023", year: 2023, parties: ["Staten", "Sveriges Kommuner och Regioner (SKR)"], total: 226_000_000_00, diaryNumber: null },
    });
  });

  it("names each bad field in Swedish", () => {
    const { input, errors } = toAgreementInput({ organisationId: "", name: " ", yearText: "23", partiesText: "\n \n", totalText: "1.640", diaryNumber: "" });
    expect(input).toBeUndefined();
    expect(Object.keys(errors)).toEqual(["agreement-organisation", "agreement-name", "agreement-year", "agreement-parties", "agreement-total"]);
    expect(errors["agreement-year"]).toBe('År: "23" ska vara ett årtal mellan 2000 och 2100, till exempel 2023.');
    expect(errors["agreement-total"]).toMatch(/^Totalbelopp: .*tvetydigt/);
    expect(toAgreementInput({ ...emptyAgreementForm(2023, "1"), name: "X" }).errors["agreement-total"]).toBe("Ange överenskommelsens totalbelopp.");
  });

  it("reads back a stored agreement", () => {
    const form = formFromAgreement({ id: 1, organisationId: 3, organisationName: "SKR", name: "A", year: 2024, parties: ["Staten", "SKR"], total: 44_000_000_00, diaryNumber: "S2024/1", decidedTotal: 0, decisionCount: 0, revision: 1, updatedBy: null, updatedAt: null });
    expect({ ...form, totalText: nb(form.totalText) }).toEqual({ organisationId: "3", name: "A", yearText: "2024", partiesText: "Staten\nSKR", totalText: "44 000 000 kr", diaryNumber: "S2024/1" });
    expect(toAgreementInput(form).input).toMatchObject({ total: 44_000_000_00, diaryNumber: "S2024/1" });
  });

  it("says how much of the agreement the decisions cover", () => {
    expect(nb(coverageText({ total: 100_00, decidedTotal: 60_00, decisionCount: 1 }, kr).text)).toBe("1 regeringsbeslut om sammanlagt 60 kr: 40 kr kvar till överenskommelsens total 100 kr.");
    expect(coverageText({ total: 100_00, decidedTotal: 100_00, decisionCount: 2 }, kr).balanced).toBe(true);
    expect(nb(coverageText({ total: 100_00, decidedTotal: 150_00, decisionCount: 2 }, kr).text)).toMatch(/50 kr mer än/);
  });
});
