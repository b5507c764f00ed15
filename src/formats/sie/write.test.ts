import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { generateSieFile } from "./generate";
import { readSie } from "./read";
import { SieParser } from "./parse";
import type { SieRecord } from "./records";
import { writeSie4, type SieWriteDocument } from "./write";

/** Writes into a stream that is read at the same time, as a real pipe would be. */
async function roundTrip(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

const budgetDoc: SieWriteDocument = {
  sieType: 2,
  program: { name: "Fördela", version: "0.1" },
  generated: "2024-11-05",
  company: { name: 'Hälso- och sjukvårdsnämnden "HSN"', orgNumber: "232100-0215" },
  years: [{ yearIndex: 0, start: "2025-01-01", end: "2025-12-31" }],
  accounts: [{ account: "4010", name: "Läkemedel – öppenvård", type: "K" }],
  dimensions: [{ dimension: 1, name: "Kostnadsställe" }, { dimension: 6, name: "Projekt" }],
  objects: [{ dimension: 6, code: "8941", name: "Proj 8941 \\ BUP" }],
  periodAmounts: [
    { type: "PBUDGET", yearIndex: 0, period: "202501", account: "4010", objects: [{ dimension: 1, code: "100" }, { dimension: 6, code: "8941" }], amount: -1_640_000_00 },
    { type: "PBUDGET", yearIndex: 0, period: "202502", account: "4010", objects: [], amount: 5 },
  ],
};

describe("writeSie4", () => {
  it("writes budgets with object lists in CP437 that read back the same", async () => {
    const bytes = await roundTrip((out) => writeSie4(out, budgetDoc, { ksumma: true }));
    const text = bytes.toString("latin1");
    expect(text).toContain('#PBUDGET 0 202501 4010 {1 "100" 6 "8941"} -1640000.00\r\n');
    expect(bytes.includes(Buffer.from([0x84]))).toBe(true); // ä in CP437
    const records: SieRecord[] = [];
    const parser = new SieParser(bytes);
    for await (const r of parser.records()) records.push(r);
    expect(parser.ksumma).toBe("verified");
    expect(records.find((r) => r.type === "FNAMN")).toMatchObject({ name: 'Hälso- och sjukvårdsnämnden "HSN"' });
    // CP437 has no en dash: it becomes a hyphen.
    expect(records.find((r) => r.type === "KONTO")).toMatchObject({ name: "Läkemedel - öppenvård" });
    expect(records.find((r) => r.type === "KTYP")).toMatchObject({ accountType: "K" });
    expect(records.find((r) => r.type === "OBJEKT")).toMatchObject({ code: "8941", name: "Proj 8941 \\ BUP" });
    expect(records.flatMap((r) => (r.type === "PBUDGET" ? [[r.period, r.objects, r.amount]] : []))).toEqual([
      ["202501", [{ dimension: 1, code: "100" }, { dimension: 6, code: "8941" }], -1_640_000_00],
      ["202502", [], 5],
    ]);
  });

  it("writes vouchers with optional row fields, and a checksum a reader rejects once changed", async () => {
    const bytes = await roundTrip((out) =>
      writeSie4(
        out,
        {
          program: { name: "Fördela", version: "0.1" },
          generated: "2024-01-31",
          company: { name: "Region Test" },
          vouchers: [
            {
              series: "A", number: "12", date: "2019-03-05", text: "Bidrag",
              transactions: [
                { kind: "TRANS", account: "3010", objects: [{ dimension: 6, code: "9929" }], amount: -97_354_100, text: "BUP" },
                { kind: "TRANS", account: "1930", objects: [], amount: 97_354_100, date: "2019-03-06", quantity: "1.5" },
              ],
            },
          ],
        },
        { ksumma: true, lineEnding: "\n" },
      ),
    );
    const summary = await readSie(bytes);
    expect(summary).toMatchObject({ ksumma: "verified", voucherCount: 1, transactionCount: 2, debitTotal: 97_354_100 });
    expect(bytes.toString("latin1")).toContain('   #TRANS 3010 {6 "9929"} -973541.00 "" "BUP"\n');
    const changed = Buffer.from(bytes.toString("latin1").replaceAll("973541.00", "973541.10"), "latin1");
    await expect(readSie(changed, { name: "x.se" })).rejects.toThrow(/x\.se, rad \d+ \(#KSUMMA\): kontrollsumman stämmer inte/);
  });
});

describe("generateSieFile", () => {
  it("writes the same bytes for the same seed and other bytes for another seed", async () => {
    const hash = async (seed: number) =>
      createHash("sha256").update(await roundTrip((out) => generateSieFile(out, { seed, transactions: 500 }))).digest("hex");
    expect(await hash(7)).toBe(await hash(7));
    expect(await hash(7)).not.toBe(await hash(8));
  });

  it("parses back with identical totals, verified #KSUMMA and consistent balances", async () => {
    let totals: Awaited<ReturnType<typeof generateSieFile>> | undefined;
    const bytes = await roundTrip(async (out) => (totals = await generateSieFile(out, { seed: 2024, transactions: 5_001, year: 2024, ksumma: true })));
    const perAccount: Record<string, number> = {};
    const summary = await readSie(bytes, {
      onVoucher: (v) => {
        for (const t of v.transactions) perAccount[t.account] = (perAccount[t.account] ?? 0) + t.amount;
      },
    });
    expect(summary.transactionCount).toBe(5_001);
    expect(summary.voucherCount).toBe(totals!.vouchers);
    expect(summary.debitTotal).toBe(totals!.debitTotal);
    expect(perAccount).toEqual(totals!.accountTotals);
    expect(summary.ksumma).toBe("verified");
    expect(summary.balanceDisagreements).toEqual([]);
    expect(summary.warnings).toEqual([]);
    expect(summary.accounts).toHaveLength(300);
    expect(summary.dimensions).toEqual([
      { dimension: 1, name: "Kostnadsställe", objectCount: 500 },
      { dimension: 6, name: "Projekt", objectCount: 200 },
    ]);
    expect(summary.firstVoucherDate).toBe("2024-01-01");
    expect(summary.lastVoucherDate! <= "2024-12-31").toBe(true);
  });

  it("streams 200 000 generated rows through the parser without holding the file", async () => {
    const pipe = new PassThrough();
    const reading = readSie(pipe);
    const totals = await generateSieFile(pipe, { seed: 99, transactions: 200_000 });
    const summary = await reading;
    expect(summary.transactionCount).toBe(200_000);
    expect(summary.voucherCount).toBe(totals.vouchers);
    expect(summary.debitTotal).toBe(totals.debitTotal);
    expect(summary.bytesRead).toBe(totals.bytes);
    expect(summary.balanceDisagreements).toEqual([]);
  });
});
