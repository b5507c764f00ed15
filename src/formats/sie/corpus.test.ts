import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SieFileError } from "./errors";
import { parseSie } from "./parse";
import { checkBalances, readSie } from "./read";
import type { SieRecord, SieVoucher } from "./records";

const DIR = path.resolve(__dirname, "../../../test/fixtures/sie-samples");
const file = (name: string) => path.join(DIR, name);
const sieFiles = readdirSync(DIR).filter((f) => !/\.(md|txt)$/.test(f));
const type4 = sieFiles.filter((f) => /^\s*#SIETYP\s+4\b/m.test(readFileSync(file(f), "latin1")));

/** The type-4 files of the corpus that are refused, and why: both hold an unbalanced voucher. */
const REFUSED: Record<string, RegExp> = {
  "transaktioner_ovnbolag-bad-balance.se": /rad 3905 \(#VER\): Verifikation B 1 \(2011-01-07\) balanserar inte: differens -12\u00a0771,00 kr/,
  // The export itself is faulty: #VER 1 1 has #TRANS 1010 12.00 and #TRANS 3520 -10.00.
  "XE_SIE_4_20151125095119.SE": /rad 1356 \(#VER\): Verifikation 1 1 \(2015-09-12\) balanserar inte: differens 2,00 kr/,
  // Rows on the made-up accounts "FEL" and "DIFF", and three #TRANS texts cut at a fixed width
  // (closing quote and all, so what followed the text is lost): refused, never guessed.
  "Sie4.se": /rad 721 \(#TRANS kontonr\): kontonumret "FEL" är inte numeriskt/,
};
const REFUSED_COUNT: Record<string, number> = { "Sie4.se": 40 };
/** Files of type 1–3 that are refused: Sie3.se has balances on the account "FEL". */
const REFUSED_1_TO_3: Record<string, RegExp> = { "Sie3.se": /rad 670 \(#OUB konto\): kontonumret "FEL" är inte numeriskt/ };

/** The records read; with `untilRefused`, those yielded before the file was refused at its end. */
async function collect(name: string, untilRefused = false): Promise<SieRecord[]> {
  const out: SieRecord[] = [];
  try {
    for await (const r of parseSie(file(name))) out.push(r);
  } catch (e) {
    if (!(untilRefused && e instanceof SieFileError)) throw e;
  }
  return out;
}

describe("SIE corpus (jsisie sie_test_files)", () => {
  it("has the 28 files of type 4 the README lists", () => {
    expect(type4).toHaveLength(28);
  });

  it.each(type4)("%s parses, or is refused naming the reason", async (name) => {
    const expected = REFUSED[name];
    if (expected) {
      const error = await readSie(file(name)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SieFileError);
      expect((error as SieFileError).errors).toHaveLength(REFUSED_COUNT[name] ?? 1);
      expect((error as Error).message).toMatch(expected);
      return;
    }
    const text = readFileSync(file(name), "latin1");
    const summary = await readSie(file(name));
    expect(summary.sieType).toBe(4);
    expect(summary.voucherCount).toBe(text.match(/^\s*#VER\b/gm)?.length ?? 0);
    expect(summary.transactionCount).toBe(text.match(/^\s*#TRANS\b/gm)?.length ?? 0);
    expect(summary.addedRowCount).toBe(text.match(/^\s*#RTRANS\b/gm)?.length ?? 0);
    expect(summary.removedRowCount).toBe(text.match(/^\s*#BTRANS\b/gm)?.length ?? 0);
  });

  it("parses every file of type 1–3 too", async () => {
    for (const name of sieFiles.filter((f) => !type4.includes(f))) {
      if (REFUSED_1_TO_3[name]) {
        await expect(readSie(file(name))).rejects.toThrow(REFUSED_1_TO_3[name]);
        continue;
      }
      const s = await readSie(file(name));
      expect([1, 2, 3]).toContain(s.sieType);
      expect(s.voucherCount).toBe(0);
    }
  });

  it("lists each account of Sie4.si whose #UB or #RES disagrees with #IB + #TRANS", async () => {
    const list = await checkBalances(file("Sie4.si"));
    expect(list).toHaveLength(35);
    expect(list[0]).toMatchObject({ account: "1119", kind: "UB", expected: -54_240_000, actual: -47_460_000, difference: 6_780_000 });
    expect(list[0]!.message).toBe("Konto 1119: #IB + verifikationerna ger -542\u00a0400,00 kr, men #UB anger -474\u00a0600,00 kr (skillnad 67\u00a0800,00 kr)");
    // Each disagreement is recomputed here from the raw records, independently of BalanceCheck.
    const records = await collect("Sie4.si");
    const sum = (account: string) =>
      records
        .filter((r): r is SieVoucher => r.type === "VER")
        .flatMap((v) => v.transactions)
        .filter((t) => t.kind === "TRANS" && t.account === account)
        .reduce((a, t) => a + t.amount, 0);
    const stated = (type: string, account: string) =>
      records.find((r) => r.type === type && "account" in r && r.account === account && "yearIndex" in r && r.yearIndex === 0);
    for (const d of list) {
      const ib = d.kind === "UB" ? ((stated("IB", d.account) as { amount: number } | undefined)?.amount ?? 0) : 0;
      expect(d.expected).toBe(ib + sum(d.account));
      expect(d.actual).toBe((stated(d.kind, d.account) as { amount: number } | undefined)?.amount ?? 0);
    }
    const summary = await readSie(file("Sie4.si"));
    expect(summary.warnings.filter((w) => w.field === "#UB" || w.field === "#RES")).toHaveLength(35);
  });

  it("finds no disagreement in a consistent export", async () => {
    expect(await checkBalances(file("transaktioner_ovnbolag.se"))).toEqual([]);
    expect(await checkBalances(file("Bokslut_Norstedts_SIE_4E.se"))).toEqual([]);
  });

  it("verifies #KSUMMA in the five files that carry one", async () => {
    const withKsumma = sieFiles.filter((f) => readFileSync(file(f), "latin1").includes("#KSUMMA"));
    expect(withKsumma.sort()).toEqual(
      ["Bokslut_Norstedts_SIE_4E.se", "Norstedts_Bokslut_SIE_1.se", "Norstedts_Bokslut_SIE_4I.si", "Norstedts_Revision_SIE_1.SE", "Sie1.se"].sort(),
    );
    for (const name of withKsumma) expect((await readSie(file(name))).ksumma).toBe("verified");
    expect((await readSie(file("Sie4.si"))).ksumma).toBe("absent");
  });

  it("refuses a file whose content was changed after the checksum was made", async () => {
    const bytes = readFileSync(file("Norstedts_Bokslut_SIE_4I.si"));
    const tampered = Buffer.from(bytes.toString("latin1").replace("1104488.11", "1104488.12").replace("-1104488.11", "-1104488.12"), "latin1");
    const error = await readSie(Readable.from([tampered]), { name: "ändrad.si" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/ändrad\.si, rad 379 \(#KSUMMA\): kontrollsumman stämmer inte: filen anger 1573150874/);
  });

  it("parses object lists", async () => {
    const vouchers = (await collect("Sie_3_+_4.se")).filter((r): r is SieVoucher => r.type === "VER");
    expect(vouchers[1]!.transactions[0]).toMatchObject({ account: "9010", objects: [{ dimension: 1, code: "99" }], amount: 50_000, text: "test" });
    const bl = (await collect("BL0001_typ4.SE")).filter((r): r is SieVoucher => r.type === "VER").flatMap((v) => v.transactions);
    expect(bl.find((t) => t.kind === "RTRANS" && t.account === "3010")).toMatchObject({ objects: [{ dimension: 1, code: "1" }], amount: -50_000, date: "2010-03-26" });
    const oub = (await collect("Sie3.se", true)).find((r) => r.type === "OUB");
    expect(oub).toMatchObject({ type: "OUB", line: 597, account: "1700", objects: [{ dimension: 1, code: "1" }], amount: 64_000 });
  });

  it("decodes CP437 å ä ö", async () => {
    const summary = await readSie(file("sie_4.SE"));
    expect(summary.encoding).toBe("cp437");
    expect(summary.company.name).toBe("Övningsbolaget AB");
    const objects = (await collect("BL0001_typ4.SE")).filter((r) => r.type === "OBJEKT").map((r) => ("name" in r ? r.name : ""));
    expect(objects).toContain("Östervåla");
    expect(objects).toContain("Västerås");
  });

  it("reads the one UTF-8 file as UTF-8 although it says #FORMAT PC8", async () => {
    const summary = await readSie(file("SIE4_Exempelfil_med_underdim.SE"));
    expect(summary.encoding).toBe("utf8");
    expect(summary.company.name).toBe("\ufffdvningsbolaget AB");
    expect(summary.dimensions).toContainEqual({ dimension: 61, name: "Kubernetesdrift", parent: 6, objectCount: expect.any(Number) });
  });

  it("keeps malformed descriptive records out with a warning, and refuses truncated texts", async () => {
    const typ4i = await readSie(file("BL0001_typ4I.SI"));
    expect(typ4i.warnings[0]).toMatchObject({ line: 7, field: "#RAR start", message: "fältet saknas; posten hoppas över" });
    const sie4 = (await readSie(file("Sie4.se")).catch((e: unknown) => e)) as SieFileError;
    expect(sie4.errors).toContainEqual(expect.objectContaining({ line: 1041, detail: "en text saknar avslutande citattecken" }));
  });
});
