import { describe, expect, it } from "vitest";
import { receiptForm, toReceipt } from "./receipt-form";
import type { Receipt } from "./types";

const seed003: Receipt = { accountingObject: "9929", requisitionedOn: null, requisitioned: null, receivedOn: null, received: 503_994_400, reportedOn: null, repaidOn: null, repaid: null, partialReportOn: null, finalReportOn: null, notes: "Erhållna strategiska medel" };

describe("mottagarens rekvisition och utbetalning", () => {
  it("visar beloppen i kronor och läser tillbaka samma öre", () => {
    const form = receiptForm(seed003);
    expect(form.received.replace(/\s/g, " ")).toBe("5 039 944 kr");
    expect(form.receivedOn).toBe("");
    expect(toReceipt(form).receipt).toEqual(seed003);
  });

  it("ger fel per fält för oläsliga belopp och datum", () => {
    const form = { ...receiptForm(seed003), receivedOn: "31/3", repaid: "1.000" };
    const { receipt, errors } = toReceipt(form);
    expect(receipt).toBeUndefined();
    expect(errors["receipt-receivedOn"]).toBe("Skriv datumet som ÅÅÅÅ-MM-DD.");
    expect(errors["receipt-repaid"]).toMatch(/tvetydigt/);
  });
});
