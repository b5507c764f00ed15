import { describe, expect, it } from "vitest";
import { emptyDecisionForm, formFromDecision, liveCheck, newPart, readAmount, toDecisionInput, type DecisionForm } from "./decision-form";
import type { Decision } from "./types";

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function seed002Form(): DecisionForm {
  const form = { ...emptyDecisionForm(), agreementId: "1", organisationId: "7", title: "Utbetalning S2023/00488", diaryNumber: "S2023/00488", decisionDate: "2023-02-02", totalText: "226 000 000 kr" };
  const skr = { ...newPart("skr"), purpose: "SKR:s fem ändamål", amountText: "103 500 000" };
  const regions = { ...newPart("regions"), purpose: "Vårdförlopp (bilaga 1)", amountText: "62,5 mkr", requisitionDeadline: "2023-12-01", repaymentDeadline: "2024-03-31" };
  const coop = { ...newPart("cooperation_regions"), purpose: "Kunskapsstyrning (bilaga 2)", amountText: "60 000 000 kr" };
  return { ...form, parts: [skr, regions, coop] };
}

describe("beslutsformulärets summakontroll", () => {
  it("seed 002: 103 500 000 + 62 500 000 + 60 000 000 = 226 000 000 stämmer", () => {
    const check = liveCheck(seed002Form());
    expect(check).toMatchObject({ total: 22_600_000_000, sum: 22_600_000_000, difference: 0, balanced: true, missing: 0 });
    expect(nb(check.text)).toBe("Delarna summerar till 226 000 000 kr = beslutets total.");
  });

  it("visar hur mycket som saknas eller är för mycket medan man skriver", () => {
    const form = seed002Form();
    form.parts[2]!.amountText = "59 000 000";
    expect(nb(liveCheck(form).text)).toBe("Delarna summerar till 225 000 000 kr: 1 000 000 kr kvar till beslutets total 226 000 000 kr.");
    form.parts[2]!.amountText = "60 000 001";
    const over = liveCheck(form);
    expect(over.difference).toBe(100);
    expect(nb(over.text)).toBe("Delarna summerar till 226 000 001 kr: 1 kr mer än beslutets total 226 000 000 kr.");
  });

  it("räknar en oläslig del som saknad och säger det", () => {
    const form = seed002Form();
    form.parts[1]!.amountText = "62.5 mkr";
    const check = liveCheck(form);
    expect(check.missing).toBe(1);
    expect(check.balanced).toBe(false);
    expect(nb(check.text)).toContain("En del saknar belopp.");
  });
});

describe("toDecisionInput", () => {
  it("ger API:ets indata i öre med datum och verksamhetsrapporter", () => {
    const form = seed002Form();
    form.parts[0]!.partialReportDeadline = "2023-09-30";
    form.parts[0]!.finalReportDeadline = "2024-03-31";
    form.parts[0]!.activityReportRecipient = "Regeringskansliet (Socialdepartementet)";
    form.signatoriesText = "Acko Ankarberg Johansson\n\nEvelina Björkegren\n";
    const { input, errors } = toDecisionInput(form);
    expect(errors).toEqual({});
    expect(input!.total).toBe(22_600_000_000);
    expect(input!.parts.map((p) => p.amount)).toEqual([10_350_000_000, 6_250_000_000, 6_000_000_000]);
    expect(input!.signatories).toEqual(["Acko Ankarberg Johansson", "Evelina Björkegren"]);
    expect(input!.parts[0]!.activityReports).toEqual([
      { kind: "partial", deadline: "2023-09-30", recipient: "Regeringskansliet (Socialdepartementet)" },
      { kind: "final", deadline: "2024-03-31", recipient: "Regeringskansliet (Socialdepartementet)" },
    ]);
    expect(input!.parts[1]).toMatchObject({ requisitionDeadline: "2023-12-01", repaymentDeadline: "2024-03-31", repaymentRecipientCode: "KAMMARKOLLEGIET", expenditureArea: null });
  });

  it("ger fel per fält, med delens nummer", () => {
    const form = seed002Form();
    const key = form.parts[1]!.key;
    form.parts[1]!.amountText = "62.5 mkr";
    form.parts[1]!.requisitionDeadline = "1 december";
    form.parts[1]!.purpose = " ";
    form.title = "";
    const { input, errors } = toDecisionInput(form);
    expect(input).toBeUndefined();
    expect(errors.title).toBe("Ange rubrik.");
    expect(errors[`part-${key}-amount`]).toMatch(/^Del 2: Beloppet "62.5 mkr" är tvetydigt/);
    expect(errors[`part-${key}-requisition`]).toBe("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-12-01.");
    expect(errors[`part-${key}-purpose`]).toBe("Del 2: ange ändamål.");
  });

  it("kräver mottagare när verksamhetsrapporter har datum", () => {
    const form = seed002Form();
    form.parts[0]!.finalReportDeadline = "2024-03-31";
    expect(toDecisionInput(form).errors[`part-${form.parts[0]!.key}-activityRecipient`]).toBe("Del 1: ange mottagare av verksamhetsrapporterna.");
  });

  it("läser tillbaka ett sparat beslut oförändrat", () => {
    const { input } = toDecisionInput(seed002Form());
    const decision = { ...input!, id: 1, agreementName: "", organisationName: "", payerName: null, status: "draft", decidedAt: null, decidedBy: null, createdAt: "", check: { total: 0, sum: 0, difference: 0, balanced: true, message: "" }, parts: input!.parts.map((p, i) => ({ ...p, id: 10 + i, decisionId: 1, position: i + 1, reportRecipientName: null, repaymentRecipientName: null, distributedTotal: 0, distributionMode: null })) } as Decision;
    const again = toDecisionInput(formFromDecision(decision)).input!;
    expect(again.parts.map((p) => p.id)).toEqual([10, 11, 12]);
    expect({ ...again, parts: again.parts.map(({ id: _id, ...rest }) => rest) }).toEqual(input);
  });
});

describe("readAmount", () => {
  it("läser svenska belopp och avvisar negativa", () => {
    expect(readAmount("5 039 944 kronor").ore).toBe(503_994_400);
    expect(readAmount("").ore).toBeNull();
    expect(readAmount("-1").error).toBe("Beloppet får inte vara negativt.");
  });
});
