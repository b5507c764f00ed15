import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTransaction } from "./decode";
import { fastTransaction } from "./fast-trans";
import { Fields } from "./fields";
import { tokenizeLine } from "./tokenize";

/** The general path: tokens, fields, record; null where it refuses the line. */
function general(text: string) {
  try {
    const parsed = tokenizeLine(text);
    if (parsed === null || parsed.tag !== "#TRANS" || parsed.unterminatedQuote) return null;
    return decodeTransaction(new Fields(parsed.tag, parsed.fields), 7);
  } catch {
    return null;
  }
}

describe("fastTransaction", () => {
  it("reads the common shapes exactly as the general path", () => {
    for (const line of [
      '#TRANS 3010 {1 "100" 6 "8941"} -500.00 20100122 "Text med mellanslag" 2.5 AB',
      "\t#TRANS\t1930  { }  12",
      '#TRANS 4010 {1 100} 0.5 "" "" 3',
      '#TRANS 4010 {} -0.00 20240229 ""',
    ]) {
      const fast = fastTransaction(line, 7);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(general(line));
    }
  });

  it("leaves lines it does not fully understand to the general path", () => {
    for (const line of [
      "#trans 3010 {} 1",
      "#TRANS 3010 1.00",
      '#TRANS 3010 {1 "a\\"b"} 1',
      "#TRANS 3010 {1} 1",
      "#TRANS 3010 {+1 A} 1",
      "#TRANS 3010 {} 10,00",
      "#TRANS 3010 {} 1.234",
      "#TRANS 3010 {} 99999999999999999",
      '#TRANS 3010 {} 1 20240231',
      '#TRANS 3010 {} 1 "" "ej avslutad',
      "#TRANS 3010 {} 1 20240101 text abc",
      '#TRANS 3010 {}-1 ""',
      "#TRANS 3010 {",
      "#TRANSAKTION 3010 {} 1",
    ]) {
      expect(fastTransaction(line, 7), line).toBeNull();
    }
  });

  it("never disagrees with the general path on generated rows", () => {
    const word = fc.stringMatching(/^[-0-9A-Za-z.+]{1,6}$/);
    const item = fc.oneof(word, word.map((w) => `"${w}"`), fc.constantFrom('""', '"a b"', '"x\\\\y"', "{", "}"));
    const field = fc.oneof(word, fc.constantFrom('""', '"fri text"', "20240131", "20240230", "-12.5", "1.234", '"ej'));
    const line = fc
      .tuple(fc.constantFrom("#TRANS", " #TRANS", "#TRANS\t"), word, fc.array(item, { maxLength: 5 }), fc.array(field, { maxLength: 6 }))
      .map(([tag, account, items, fields]) => `${tag} ${account} {${items.join(" ")}} ${fields.join(" ")}`);
    fc.assert(
      fc.property(line, (text) => {
        const fast = fastTransaction(text, 7);
        if (fast !== null) expect(fast).toEqual(general(text));
      }),
      { numRuns: 3000 },
    );
  });
});
