import { describe, expect, it } from "vitest";
import { tokenizeLine, SieSyntaxError } from "./tokenize";
import { ksummaText } from "./ksumma";

describe("tokenizeLine", () => {
  it("splits words and quoted strings separated by tabs and runs of spaces", () => {
    expect(tokenizeLine('#KONTO\t1010   "Balanserade utgifter"')).toEqual({
      tag: "#KONTO",
      fields: [
        { kind: "text", value: "1010" },
        { kind: "text", value: "Balanserade utgifter" },
      ],
    });
  });

  it("reads \\\" and \\\\ inside quotes and keeps other backslashes", () => {
    const line = tokenizeLine('#PROGRAM "\\"Norstedts Revision\\"" "a\\\\b" "1820\\A012 Cykel"');
    expect(line?.fields).toEqual([
      { kind: "text", value: '"Norstedts Revision"' },
      { kind: "text", value: "a\\b" },
      { kind: "text", value: "1820\\A012 Cykel" },
    ]);
  });

  it("parses object lists, quoted or bare, and empty ones with or without a space", () => {
    const line = tokenizeLine('#TRANS 3010 {1 "100" 6 "8941"} -500.00 20100122 ""');
    expect(line?.fields[1]).toEqual({ kind: "list", items: ["1", "100", "6", "8941"] });
    expect(line?.fields[4]).toEqual({ kind: "text", value: "" });
    expect(tokenizeLine("#TRANS 1320 { } -500.00")?.fields[1]).toEqual({ kind: "list", items: [] });
    expect(tokenizeLine("#TRANS 1320 {} -500.00")?.fields[1]).toEqual({ kind: "list", items: [] });
    expect(tokenizeLine('#TRANS 3010  { "1" "1"} -500')?.fields[1]).toEqual({ kind: "list", items: ["1", "1"] });
  });

  it("recognises block braces, empty lines and upper-cases tags", () => {
    expect(tokenizeLine("{\t")).toEqual({ tag: "{", fields: [] });
    expect(tokenizeLine("   }")).toEqual({ tag: "}", fields: [] });
    expect(tokenizeLine("  \t ")).toBeNull();
    expect(tokenizeLine("#trans 1910 {} 5")?.tag).toBe("#TRANS");
  });

  it("reads an unterminated last text to the end of the line and flags it", () => {
    const line = tokenizeLine('#TRANS 3010 {} -900.00 20140127 "260    aaaa');
    expect(line?.unterminatedQuote).toBe(true);
    expect(line?.fields[4]).toEqual({ kind: "text", value: "260    aaaa" });
  });

  it("refuses an object list without its closing brace", () => {
    expect(() => tokenizeLine('#TRANS 3010 {1 "100" -5.00')).toThrow(SieSyntaxError);
  });

  it("gives the checksum text without spaces, quotes or braces", () => {
    expect(ksummaText(tokenizeLine('#TRANS 3010 {1 "100"} -5.00 "" "Hyra jan"')!)).toBe("#TRANS30101100-5.00Hyra jan");
  });
});
