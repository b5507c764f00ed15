import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { encodeCp437 } from "./encoding";
import { SieError, SieFileError } from "./errors";
import { SieParser } from "./parse";
import type { SieRecord } from "./records";

const HEAD = ['#FLAGGA 0', '#FORMAT PC8', '#SIETYP 4', '#FNAMN "Region Öst"', "#RAR 0 20190101 20191231", '#KONTO 1910 "Kassa"', '#KONTO 4010 "Inköp"'];

async function run(lines: string[], eol = "\n"): Promise<{ records: SieRecord[]; parser: SieParser; error?: SieFileError }> {
  const parser = new SieParser(Readable.from([encodeCp437(lines.join(eol) + eol)]), { name: "test.se" });
  const records: SieRecord[] = [];
  try {
    for await (const r of parser.records()) records.push(r);
    return { records, parser };
  } catch (e) {
    if (!(e instanceof SieFileError)) throw e;
    return { records, parser, error: e };
  }
}

describe("SieParser is strict where the format is strict", () => {
  const refused = async (lines: string[]) => {
    const { error } = await run(lines);
    expect(error).toBeInstanceOf(SieFileError);
    return error!;
  };

  const rawRefusal = async (bytes: Uint8Array) => {
    const parser = new SieParser(Readable.from([bytes]), { name: "test.se" });
    const error = await (async () => {
      for await (const _ of parser.records());
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SieFileError);
    return error as SieFileError;
  };

  it.each([
    ["empty", ""],
    ["only whitespace", "  \r\n\t\n\n"],
  ])("refuses an %s file", async (_, text) => {
    expect((await rawRefusal(encodeCp437(text))).message).toMatch(/filen är tom/);
  });

  it("refuses a file of only a byte-order mark", async () => {
    expect((await rawRefusal(new Uint8Array([0xef, 0xbb, 0xbf]))).message).toMatch(/test\.se/);
  });

  it.each([
    ["inside a field", '#OBJEKT 1 "10" "Ti'],
    ["inside a tag", "#OBJ"],
    ["after a whole field but before the line end", '#OBJEKT 1 "10"'],
  ])("refuses a file cut %s, naming the line", async (_, last) => {
    const e = await rawRefusal(encodeCp437([...HEAD, '#DIM 1 "Kst"'].join("\n") + "\n" + last));
    expect(e.errors.some((x) => x.line === 9)).toBe(true);
    expect(e.message).toMatch(/rad 9/);
  });

  it("reads a file whose last line is a closing brace without a line end", async () => {
    const { error } = await run([...HEAD, '#VER A 1 20190305 "x"', "{", "#TRANS 4010 {} 1.00", "#TRANS 1910 {} -1.00", "}"], "\n");
    expect(error).toBeUndefined();
  });

  it("refuses a file without #FLAGGA or #SIETYP", async () => {
    const e = await refused(HEAD.filter((l) => !l.startsWith("#FLAGGA") && !l.startsWith("#SIETYP")));
    expect(e.errors.map((x) => x.field)).toEqual(["#FLAGGA", "#SIETYP"]);
  });

  it("refuses a #SIETYP that does not exist", async () => {
    const e = await refused(["#FLAGGA 0", "#SIETYP 5", "#RAR 0 20190101 20191231"]);
    expect(e.errors[0]).toMatchObject({ line: 2, field: "#SIETYP typnr" });
    expect(e.message).toMatch(/SIE-typ 5 finns inte/);
    expect(e.where).toEqual({ file: "test.se", line: 2, field: "#SIETYP typnr" });
  });

  it.each(["ABCD", "=1+1", "19x0"])("refuses the non-numeric account %s in a row and in a balance", async (account) => {
    const e = await refused([...HEAD, `#IB 0 ${account} 100.00`, '#VER A 1 20190305 "x"', "{", `#TRANS ${account} {} 100.00`, "#TRANS 1910 {} -100.00", "}"]);
    expect(e.errors.map((x) => [x.line, x.field])).toEqual([[8, "#IB konto"], [11, "#TRANS kontonr"]]);
    expect(e.message).toContain(`kontonumret "${account}" är inte numeriskt`);
  });

  it("refuses an unterminated quote, and the voucher it is in", async () => {
    const { error, records } = await run([...HEAD, '#VER A 1 20190305 "x"', "{", '#TRANS 4010 {} 100.00 20190305 "Bröd 2', "#TRANS 1910 {} -100.00", "}"]);
    expect(error?.errors.map((x) => [x.line, x.field, x.detail])).toEqual([[10, "#TRANS", "en text saknar avslutande citattecken"]]);
    expect(records.some((r) => r.type === "VER")).toBe(false);
  });

  it("refuses a file whose amounts sum beyond the safe range, naming the line", async () => {
    const big = "45035996273704.96"; // 2^52 öre
    const e = await refused([...HEAD, '#VER A 1 20190305 "x"', "{", `#TRANS 4010 {} ${big}`, `#TRANS 1910 {} -${big}`, "}"]);
    expect(e.errors[0]).toMatchObject({ line: 11, field: "#TRANS belopp" });
    expect(e.message).toMatch(/summor så stora kan inte räknas exakt/);
  });

  it("refuses a line over 1 MB with the parser's own located error", async () => {
    const e = await refused([...HEAD, `#FNAMN "${"x".repeat(1_100_000)}"`]);
    expect(e.message).toMatch(/rad 8.*längre än 1 MB/);
  });
});

describe("SieParser", () => {
  it("reads a voucher with CRLF line endings into typed records", async () => {
    const { records, error } = await run(
      [...HEAD, '#VER A 12 20190305 "Kaffe" 20190306', "{", '#TRANS 4010 {1 "100"} 100.00 20190305 "Bröd" 2', "#TRANS 1910 {} -100.00", "}"],
      "\r\n",
    );
    expect(error).toBeUndefined();
    expect(records.find((r) => r.type === "FNAMN")).toMatchObject({ name: "Region Öst" });
    expect(records.at(-1)).toEqual({
      type: "VER", line: 8, endLine: 12, series: "A", number: "12", date: "2019-03-05", text: "Kaffe", registeredDate: "2019-03-06",
      transactions: [
        { kind: "TRANS", line: 10, account: "4010", objects: [{ dimension: 1, code: "100" }], amount: 10000, date: "2019-03-05", text: "Bröd", quantity: "2" },
        { kind: "TRANS", line: 11, account: "1910", objects: [], amount: -10000 },
      ],
    });
  });

  it("refuses an unbalanced voucher, naming series, number, date and difference", async () => {
    const { records, error } = await run([...HEAD, '#VER A 12 20190305 "x"', "{", "#TRANS 4010 {} 200.00", "#TRANS 1910 {} -100.00", "}"]);
    expect(records.some((r) => r.type === "VER")).toBe(false);
    expect(error?.errors[0]).toBeInstanceOf(SieError);
    expect(error?.errors[0]).toMatchObject({ line: 8, field: "#VER", message: "test.se, rad 8 (#VER): Verifikation A 12 (2019-03-05) balanserar inte: differens 100,00 kr" });
  });

  it("collects all errors with line and field before refusing the file", async () => {
    const { error } = await run([
      ...HEAD,
      "#IB 0 1910 12,50",
      '#VER A 1 20190230 "fel datum"',
      "{",
      "#TRANS 1910 {} 1.00",
      "#TRANS 4010 {} -1.00",
      "}",
      '#VER A 2 20190301 "öppet block"',
      "{",
      "#TRANS 1910 {} 1.00",
    ]);
    expect(error?.errors.map((e) => [e.line, e.field, e.detail])).toEqual([
      [8, "#IB saldo", 'ogiltigt belopp "12,50" (decimaltecknet ska vara punkt)'],
      [9, "#VER verdatum", 'datumet "20190230" finns inte'],
      [14, "#VER", 'Verifikation A 2 (2019-03-01): blocket avslutas aldrig med "}" innan filen tar slut'],
    ]);
    expect(error?.message).toMatch(/^SIE-filen test\.se kan inte läsas in \(3 fel\):\ntest\.se, rad 8 \(#IB saldo\)/);
  });

  it("reports a #VER without block and a new #VER inside an open block", async () => {
    const { error } = await run([...HEAD, '#VER A 1 20190301 "a"', "#TRANS 1910 {} 1.00", '#VER A 2 20190301 "b"', "{", '#VER A 3 20190301 "c"', "{", "#TRANS 1910 {} 0", "}"]);
    expect(error?.errors.map((e) => e.detail)).toEqual([
      "Verifikation A 1 (2019-03-01) saknar block med rader ({ … })",
      "raden står utanför ett #VER-block",
      'Verifikation A 2 (2019-03-01): blocket avslutas aldrig med "}" (rad 12 kommer före)',
    ]);
  });

  it("warns, without refusing, about accounts and objects missing from #KONTO and #OBJEKT", async () => {
    const { parser, error } = await run([...HEAD, '#DIM 1 "Kst"', '#OBJEKT 1 "100" "Akuten"', '#VER "" "" 20190301 ""', "{", '#TRANS 4011 {1 "200"} 5', "#TRANS 1910 {} -5", "}"]);
    expect(error).toBeUndefined();
    expect(parser.warnings.map((w) => [w.line, w.field, w.message])).toEqual([
      [12, "#TRANS kontonr", "konto 4011 finns inte i filens kontoplan (#KONTO)"],
      [12, "#TRANS objektlista", 'objekt "200" i dimension 1 finns inte bland filens #OBJEKT'],
    ]);
  });

  it("keeps unknown tags as OTHER records and ignores unknown rows inside a block", async () => {
    const { records, error } = await run([...HEAD, '#ADRESS "Kalle" "Box 1"', "#NYTAGG x {1 2}", '#VER A 1 20190301 ""', "{", "#TRANS 1910 {} 1", "#OKANDRAD 1", "#TRANS 4010 {} -1", "}"]);
    expect(error).toBeUndefined();
    expect(records.filter((r) => r.type === "OTHER")).toEqual([
      { type: "OTHER", line: 8, tag: "#ADRESS", fields: ["Kalle", "Box 1"] },
      { type: "OTHER", line: 9, tag: "#NYTAGG", fields: ["x", "{1 2}"] },
    ]);
  });

  it("refuses a file that is not SIE at once", async () => {
    const { error } = await run(["<html><body>404 Not Found</body></html>"]);
    expect(error?.message).toMatch(/rad 1: filen börjar inte med en SIE-post/);
  });

  it("reads UTF-8 when the file starts with a byte order mark or declares it", async () => {
    const text = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Region Västerbotten\"\n";
    const withBom = new SieParser(Readable.from([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])]));
    const names: string[] = [];
    for await (const r of withBom.records()) if (r.type === "FNAMN") names.push(r.name);
    const declared = new SieParser(Buffer.from("#FLAGGA 0\n#SIETYP 4\n#FORMAT UTF8\n#FNAMN \"Å\"\n", "utf8"));
    for await (const r of declared.records()) if (r.type === "FNAMN") names.push(r.name);
    expect(names).toEqual(["Region Västerbotten", "Å"]);
    expect(withBom.encoding).toBe("utf8");
  });

  it("reports progress and lines split across chunks", async () => {
    const bytes = encodeCp437([...HEAD, '#VER A 1 20190301 "Lön"', "{", "#TRANS 1910 {} 1", "#TRANS 4010 {} -1", "}"].join("\n"));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const progress: [number, number][] = [];
    const parser = new SieParser(Readable.from(chunks), { onProgress: (l, b) => progress.push([l, b]) });
    const types: string[] = [];
    for await (const r of parser.records()) types.push(r.type);
    expect(types.at(-1)).toBe("VER");
    expect(progress.at(-1)).toEqual([12, bytes.length]);
  });
});
