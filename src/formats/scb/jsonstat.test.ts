import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../../../test/helpers/thrown";
import { parseScbJsonStat } from "./jsonstat";
import { PopulationFileError } from "./population-file-error";

const fixture = readFileSync(new URL("../../../test/fixtures/scb/befolkmanad-2022M10.json", import.meta.url), "utf8");
const fileName = "befolkmanad-2022M10.json";

// The fixture is edited freely to make broken variants of it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function modified(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(fixture);
  change(doc);
  return JSON.stringify(doc);
}

const errorOf = (run: () => unknown): PopulationFileError => thrownBy(PopulationFileError, run);

describe("parseScbJsonStat", () => {
  it("reads a PX-Web JSON-stat 2.0 response, adding men and women, month to its last day", () => {
    const { rows, title } = parseScbJsonStat(fixture, { fileName });
    expect(title).toBe("Folkmängden per månad efter region, ålder, kön och månad");
    expect(rows).toHaveLength(8);
    // Blekinge 2022M10: men 80 412 + women 78 265.
    expect(rows).toContainEqual({ areaCode: "10", date: "2022-10-31", population: 158_677 });
    // 2022M11 figures are 7 (men) and 5 (women) higher in the fixture.
    expect(rows).toContainEqual({ areaCode: "23", date: "2022-11-30", population: 132_163 });
    expect(rows).toContainEqual({ areaCode: "2380", date: "2022-10-31", population: 64_810 });
  });

  it("follows the dimension order given by id and size, not the order of the dimension object", () => {
    const doc = JSON.parse(fixture);
    const reordered = { ...doc, id: ["Tid", "Region", "Alder", "Kon", "ContentsCode"], size: [2, 4, 1, 2, 1] };
    // Re-lay the values so that Tid varies slowest.
    const values: number[] = [];
    for (let t = 0; t < 2; t++) for (let r = 0; r < 4; r++) for (let k = 0; k < 2; k++) values.push(doc.value[r * 4 + k * 2 + t]);
    reordered.value = values;
    expect(parseScbJsonStat(JSON.stringify(reordered), { fileName }).rows).toEqual(expect.arrayContaining(parseScbJsonStat(fixture, { fileName }).rows));
  });

  it("uses the total category of a breakdown instead of adding it to its parts", () => {
    const text = modified((doc) => {
      doc.size[2] = 3;
      doc.dimension.Kon.category.index = { "1": 0, "2": 1, "1+2": 2 };
      doc.dimension.Kon.category.label["1+2"] = "totalt";
      const values: number[] = [];
      for (let r = 0; r < 4; r++) {
        for (let k = 0; k < 3; k++) for (let t = 0; t < 2; t++) values.push(k < 2 ? doc.value[r * 4 + k * 2 + t] : 1000 + r);
      }
      doc.value = values;
    });
    expect(parseScbJsonStat(text, { fileName }).rows).toContainEqual({ areaCode: "10", date: "2022-10-31", population: 1001 });
  });

  it("accepts sparse values keyed by position", () => {
    const text = modified((doc) => {
      doc.value = Object.fromEntries(doc.value.map((v: number, i: number) => [String(i), v]));
    });
    expect(parseScbJsonStat(text, { fileName }).rows).toContainEqual({ areaCode: "10", date: "2022-10-31", population: 158_677 });
  });

  it("names the JSON path of a missing, negative or non-numeric value", () => {
    expect(errorOf(() => parseScbJsonStat(modified((d) => (d.value[5] = null)), { fileName })).message).toBe(
      "befolkmanad-2022M10.json, value[5]: värde saknas för 10, tot, 1, 000003O5, 2022M11",
    );
    expect(errorOf(() => parseScbJsonStat(modified((d) => (d.value[3] = -4)), { fileName })).message).toContain("value[3]");
    expect(errorOf(() => parseScbJsonStat(modified((d) => (d.value[3] = -4)), { fileName })).message).toContain("negativ");
    expect(errorOf(() => parseScbJsonStat(modified((d) => (d.value[2] = "många")), { fileName })).message).toContain("value[2]");
  });

  it("refuses a missing Region dimension, an unknown period, a wrong value count and unknown areas", () => {
    const noRegion = modified((d) => {
      d.id[0] = "Omrade";
      d.dimension.Omrade = d.dimension.Region;
      delete d.dimension.Region;
      delete d.role.geo;
    });
    expect(errorOf(() => parseScbJsonStat(noRegion, { fileName })).message).toContain("dimensionen Region saknas");
    const badTime = modified((d) => (d.dimension.Tid.category.index = { "2022V10": 0, "2022M11": 1 }));
    expect(errorOf(() => parseScbJsonStat(badTime, { fileName })).message).toContain('okänd tidsperiod "2022V10"');
    expect(errorOf(() => parseScbJsonStat(modified((d) => d.value.pop()), { fileName })).message).toContain("15 värden men dimensionerna ger 16");
    const known = new Set(["00", "10", "23"]);
    const unknown = errorOf(() => parseScbJsonStat(fixture, { fileName, knownAreaCodes: known }));
    expect(unknown.message).toContain('okänd områdeskod "2380"');
    expect(unknown.location.path).toBe("dimension.Region.category");
  });

  it("refuses a table with several measures and invalid JSON", () => {
    const twoMeasures = modified((d) => {
      d.dimension.ContentsCode.category.index = { A: 0, B: 1 };
      d.dimension.ContentsCode.category.label = { A: "Folkökning", B: "Medelfolkmängd" };
      d.size[3] = 2;
      d.value = [...d.value, ...d.value];
    });
    expect(errorOf(() => parseScbJsonStat(twoMeasures, { fileName })).message).toContain("flera mått");
    expect(errorOf(() => parseScbJsonStat("{ inte json", { fileName })).message).toMatch(/^befolkmanad-2022M10.json: ogiltig JSON/);
  });
});
