import { describe, expect, it } from "vitest";
import { importYears, jobProgressText, lineMessageText } from "./progress";
import type { ImportJob, LedgerImport } from "./types";

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: "x", organisationId: 1, fileName: "ssvr.se", status: "running", startedAt: "", finishedAt: null, linesRead: 12_500, bytesRead: 0, totalBytes: 100, transactions: 10_000, percent: 42, result: null, error: null, ...over,
});
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("import progress and messages", () => {
  it("says how far a running import has come and what a finished one gave", () => {
    expect(plain(jobProgressText(job({})))).toBe("Importerar ssvr.se: 42 % av filen, 12 500 rader lästa, 10 000 transaktioner.");
    expect(plain(jobProgressText(job({ percent: null })))).toBe("Importerar ssvr.se: 12 500 rader lästa, 10 000 transaktioner.");
    const done = job({ status: "done", result: { importId: 1, year: 2023, vouchers: 19, transactions: 37, balances: 4, budgets: 36, periodBalances: 0, warnings: [], ksumma: "verified", replaced: [] } });
    expect(jobProgressText(done)).toBe("Klart: ssvr.se importerades för 2023 med 19 verifikationer och 37 transaktionsrader.");
    expect(jobProgressText(job({ status: "failed" }))).toBe("Importen av ssvr.se misslyckades; ingenting sparades.");
  });

  it("places a message at its line and field", () => {
    expect(lineMessageText({ file: "a.se", line: 1234, field: "#VER", message: "verifikationen A 7 balanserar inte" })).toBe("Rad 1\u00a0234, fält #VER: verifikationen A 7 balanserar inte");
    expect(lineMessageText({ file: "a.se", line: 0, field: "", message: "tom fil" })).toBe("tom fil");
    expect(lineMessageText({ file: "a.se", line: 0, field: "#UB", message: "Konto 2110: …" })).toBe("Fält #UB: Konto 2110: …");
  });

  it("lists years with completed imports, newest first", () => {
    const imp = (year: number, status: LedgerImport["status"]) => ({ year, status }) as LedgerImport;
    expect(importYears([imp(2022, "done"), imp(2023, "done"), imp(2024, "failed"), imp(2023, "replaced")])).toEqual([2023, 2022]);
  });
});
