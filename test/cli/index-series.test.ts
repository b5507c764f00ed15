import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela } from "../helpers/cli";

describe("fordela index-series", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
  });
  afterAll(() => drop());

  it("sets LPIK years exactly from Swedish decimals, corrects one, lists and shows the series", () => {
    expect(fordela(env, "index-series", "list").stdout.trim()).toBe("Inga indexserier ännu.");
    const set = fordela(env, "index-series", "set", "LPIK", "2024", "3,10", "--source", "SKR, cirkulär 23:41");
    expect(set.stderr).toBe("");
    expect(set.code).toBe(0);
    expect(set.stdout.trim()).toBe("LPIK 2024: 3,1 % (SKR, cirkulär 23:41) sparat.");
    expect(fordela(env, "index-series", "set", "LPIK", "2023", "4.25 %", "--source", "SKR").code).toBe(0);
    expect(fordela(env, "index-series", "set", "LPIK", "2023", "4,3", "--source", "SKR, rättat").code).toBe(0);
    expect(fordela(env, "index-series", "list").stdout.trim()).toBe("LPIK         2023–2024  2 värden");
    const show = fordela(env, "index-series", "show", "LPIK");
    expect(show.code).toBe(0);
    expect(show.stdout.split("\n").filter(Boolean)).toEqual(["2023     4,3 %  SKR, rättat", "2024     3,1 %  SKR, cirkulär 23:41"]);
  });

  it("refuses a malformed percent, a missing source, a bad year or code, in Swedish, and changes nothing", () => {
    const bad = fordela(env, "index-series", "set", "LPIK", "2025", "tre", "--source", "SKR");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Procentsatsen "tre" är inte ett tal');
    expect(fordela(env, "index-series", "set", "LPIK", "2025", "2,5").stderr).toContain("Ange källa med --source");
    expect(fordela(env, "index-series", "set", "LPIK", "25", "2,5", "--source", "x").stderr).toContain('ÅR "25" är inget år');
    expect(fordela(env, "index-series", "set", "LP IK", "2025", "2,5", "--source", "x").stderr).toContain('Seriens kod "LP IK"');
    const missing = fordela(env, "index-series", "show", "KPI");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Indexserien KPI har inga värden");
    expect(fordela(env, "index-series", "show", "LPIK").stdout).not.toContain("2025");
  });
});
