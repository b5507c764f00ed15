import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeGrant, periodRange, type ClosingInput } from "./closing";
import { moneyOverYears, nextClosingStep, type ClosingStepInput } from "./closing-step";
import { ibanValid, luhnValid, normalisePayee, PayeeError } from "./payee";

const kr = (n: number) => n * 100;
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

// Seed 003: Region Jämtland Härjedalen's 5 039 944 kr on object 9929 for 2023.
const seed003: ClosingInput = {
  recipientName: "Region Jämtland Härjedalen",
  partLabel: "Strategiska medel 2023",
  period: { from: "2023-01-01", to: "2023-12-31" },
  accountingObject: "9929",
  received: kr(5_039_944),
  carriedIn: 0,
  ledger: [
    { account: "5010", accountName: "Löner", period: 202303, amount: kr(1_200_000), rows: 3 },
    { account: "5010", accountName: "Löner", period: 202309, amount: kr(1_400_000), rows: 3 },
    { account: "6540", accountName: "IT-tjänster", period: 202311, amount: kr(650_000), rows: 1 },
  ],
  ledgerOutside: [],
  manual: [{ id: 1, date: "2023-12-15", amount: kr(289_944), description: "Resor Norge, fakturerat av Helse Nord" }],
  explanation: null,
  carryForward: null,
  repaid: 0,
};

describe("closeGrant", () => {
  it("seed 003: used, unspent and repayment follow the ledger and the manual line exactly", () => {
    const r = closeGrant(seed003);
    expect(r.problems).toEqual([]);
    expect(r.figures.used).toBe(kr(3_539_944));
    expect(r.figures.unspent).toBe(kr(1_500_000));
    expect(r.figures.toRepay).toBe(kr(1_500_000));
    expect(r.byAccount).toEqual([
      { account: "5010", accountName: "Löner", amount: kr(2_600_000) },
      { account: "6540", accountName: "IT-tjänster", amount: kr(650_000) },
    ]);
    expect(r.byMonth.map((m) => m.month)).toEqual(["2023-03", "2023-09", "2023-11"]);
  });

  it("refuses a part without its object, an unknown receipt, lines outside the period and an unexplained overspend, saying what to fix", () => {
    const r = closeGrant({
      ...seed003,
      accountingObject: null,
      received: null,
      manual: [{ id: 2, date: "2024-01-10", amount: kr(10), description: "Sen faktura" }],
      ledgerOutside: [{ account: "5010", accountName: null, period: 202401, amount: kr(5_000), rows: 1 }],
    });
    const fields = r.problems.map((p) => p.field);
    expect(fields).toEqual(["accountingObject", "received", "manual", "ledger", "explanation"]);
    const text = nb(r.problems.map((p) => p.message).join("\n"));
    expect(text).toContain("saknar redovisningsobjekt: ange objektet");
    expect(text).toContain('"Sen faktura" (2024-01-10, 10 kr) ligger utanför perioden 2023-01-01–2023-12-31');
    expect(text).toContain("i 2024-01 (5 000 kr)");
    expect(text).toContain("skriv en förklaring");
    expect(closeGrant({ ...seed003, received: kr(1_000_000), explanation: "Regionen står för överskridandet." }).problems).toEqual([]);
  });

  it("moves unspent money to the next year with consent, up to the cap; the rest is repaid", () => {
    const carryForward = { diaryNumber: "S2024/00001", decidedOn: "2024-02-15", newDeadline: "2025-03-31", cap: null, toTitle: "2024" };
    const all = closeGrant({ ...seed003, carryForward }).figures;
    expect(all.carriedForward).toBe(kr(1_500_000));
    expect(all.toRepay).toBe(0);
    const capped = closeGrant({ ...seed003, carryForward: { ...carryForward, cap: kr(1_000_000) } }).figures;
    expect(capped.carriedForward).toBe(kr(1_000_000));
    expect(capped.toRepay).toBe(kr(500_000));
  });

  it("keeps received + carried in = used + carried forward + to repay + repaid when nothing is overspent (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.array(fc.integer({ min: -1e9, max: 1e10 }), { maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 1e12 })),
        fc.boolean(),
        fc.integer({ min: 0, max: 1e10 }),
        (received, carriedIn, costs, cap, consent, repaidWish) => {
          const ledger = costs.map((amount, i) => ({ account: String(4000 + i), accountName: null, period: 202301 + (i % 12), amount, rows: 1 }));
          const base = closeGrant({ ...seed003, received, carriedIn, ledger, manual: [] }).figures;
          const repaid = Math.min(repaidWish, Math.max(0, base.unspent));
          const carryForward = consent ? { diaryNumber: "X", decidedOn: "2024-01-01", newDeadline: "2025-03-31", cap, toTitle: "2024" } : null;
          const f = closeGrant({ ...seed003, received, carriedIn, ledger, manual: [], carryForward, repaid, explanation: "x" }).figures;
          expect(f.toRepay).toBeGreaterThanOrEqual(0);
          expect(f.carriedForward).toBeGreaterThanOrEqual(0);
          if (f.unspent >= 0) expect(f.used + f.carriedForward + f.toRepay + f.repaid).toBe(f.received + f.carriedIn);
          else expect(f.carriedForward + f.toRepay).toBe(0);
        },
      ),
    );
  });

  it("turns a period into the ledger's months", () => {
    expect(periodRange({ from: "2023-01-01", to: "2023-12-31" })).toEqual({ from: 202301, to: 202312 });
  });
});

describe("nextClosingStep", () => {
  const base: ClosingStepInput = {
    requisitionDeadline: "2023-12-01",
    reportDeadline: "2024-03-31",
    reportRecipient: "Kammarkollegiet",
    repaymentDeadline: "2024-03-31",
    repaymentRecipient: "Kammarkollegiet",
    requisitionedOn: null,
    requisitionProduced: false,
    received: null,
    reported: false,
    outdatedReportVersion: null,
    repaidOn: null,
    toRepay: 0,
    carriedInDeadline: null,
    today: "2023-06-01",
  };
  it("goes requisition → report → repayment → done, naming the document to produce", () => {
    expect(nextClosingStep(base)).toMatchObject({ kind: "requisition", text: "Rekvirera senast 2023-12-01", document: "requisition" });
    expect(nextClosingStep({ ...base, today: "2023-12-02" })).toMatchObject({ kind: "lapsed", document: null, overdue: true });
    expect(nextClosingStep({ ...base, requisitionedOn: "2023-03-01" }).kind).toBe("awaiting_payment");
    expect(nextClosingStep({ ...base, received: kr(10) })).toMatchObject({ kind: "financial_report", text: "Lämna ekonomisk redovisning till Kammarkollegiet senast 2024-03-31", document: "financial_report" });
    const repay = nextClosingStep({ ...base, received: kr(10), reported: true, toRepay: kr(1_500_000), today: "2024-04-02" });
    expect(nb(repay.text)).toBe("Återbetala 1 500 000 kr till Kammarkollegiet senast 2024-03-31 (försenat 2 dagar)");
    expect(repay.overdue).toBe(true);
    expect(nextClosingStep({ ...base, received: kr(10), reported: true }).kind).toBe("done");
    expect(nextClosingStep({ ...base, received: kr(10), reported: true, outdatedReportVersion: 2 })).toMatchObject({ kind: "financial_report", document: "financial_report", text: "Lämna en rättad ekonomisk redovisning: siffrorna har ändrats sedan version 2" });
  });
  it("takes the consent's deadline for carried-in money when it comes first", () => {
    expect(nextClosingStep({ ...base, received: kr(10), reportDeadline: "2025-03-31", carriedInDeadline: "2024-12-31" }).dueDate).toBe("2024-12-31");
  });
});

describe("moneyOverYears", () => {
  it("shows one agreement's years as one line and notes a carry that does not arrive", () => {
    const line = moneyOverYears([
      { year: 2024, partId: 2, received: kr(100), carriedIn: kr(30), used: kr(120), carriedForward: 0, toRepay: kr(10) },
      { year: 2023, partId: 1, received: kr(100), carriedIn: 0, used: kr(70), carriedForward: kr(30), toRepay: 0 },
    ]);
    expect(line.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(line).toMatchObject({ received: kr(200), used: kr(190), toRepay: kr(10), leftAtEnd: 0, mismatches: [] });
    expect(moneyOverYears([line.years[0]!, { ...line.years[1]!, carriedIn: 0 }]).mismatches).toHaveLength(1);
  });
});

describe("payee details", () => {
  it("accepts valid bankgiro, plusgiro, IBAN and bank account numbers and normalises them", () => {
    expect(normalisePayee({ kind: "bankgiro", number: "5050 1055", bank: null, holder: null }).number).toBe("5050-1055");
    expect(normalisePayee({ kind: "plusgiro", number: "44 28 00-9", bank: null, holder: null }).number).toBe("442800-9");
    expect(normalisePayee({ kind: "iban", number: "se45 5000 0000 0583 9825 7466", bank: "SEB", holder: null }).number).toBe("SE45 5000 0000 0583 9825 7466");
    expect(normalisePayee({ kind: "bank_account", number: "8327-9, 123 456 789", bank: "Swedbank", holder: null }).number).toBe("8327-9, 123456789");
  });
  it("refuses wrong check digits and forms with a Swedish message", () => {
    expect(() => normalisePayee({ kind: "bankgiro", number: "5050-1056", bank: null, holder: null })).toThrow(/fel kontrollsiffra/);
    expect(() => normalisePayee({ kind: "bankgiro", number: "12", bank: null, holder: null })).toThrow(PayeeError);
    expect(() => normalisePayee({ kind: "iban", number: "SE45 5000 0000 0583 9825 7467", bank: "SEB", holder: null })).toThrow(/kontrollsiffrorna/);
    expect(() => normalisePayee({ kind: "bank_account", number: "abc", bank: "X", holder: null })).toThrow(/clearingnummer/);
  });
  it("Luhn and IBAN checks agree with a recomputed check digit (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6,7}$/), (body) => {
        const withDigit = [...Array(10).keys()].map((d) => body + d).filter(luhnValid);
        expect(withDigit).toHaveLength(1);
      }),
    );
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
  });
});
