import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "../helpers/db";
import { fordela as runCli } from "../helpers/cli";

// `fordela demo` and `fordela grants` as a user runs them: separate processes on a database of
// their own, loaded with seeds 002 and 003 by the demo command.
function fordela(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = runCli(env, ...args);
  return { ...r, stdout: r.stdout.replace(/[\u00a0\u202f]/g, " ") };
}

const kr = (n: number) => n * 100;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("fordela grants", () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createCliEnvironment());
    const loaded = fordela(env, "demo");
    expect(loaded.stderr).toBe("");
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain("Statsbidrag: Sammanhållen, jämlik och säker vård 2023");
    expect(loaded.stdout).toContain("Statsbidrag: Ökad tillgänglighet i hälso- och sjukvården 2023");
  }, 120_000);
  afterAll(() => drop());

  it("loads the demo data only once", () => {
    const again = fordela(env, "demo");
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe("Exempeldatan fanns redan; ingenting lades till.");
  }, 60_000);

  it("lists agreements and decisions with totals and sum checks", () => {
    const r = fordela(env, "grants", "list");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Sammanhållen, jämlik och säker vård 2023 (2023)");
    expect(r.stdout).toContain("Total 226 000 000 kr; regeringsbeslut 226 000 000 kr = överenskommelsens total.");
    expect(r.stdout).toMatch(/S2023\/00488 +2023-02-02 +226 000 000 kr +stämmer +fastställt +Utbetalning av medel/);
    const json = JSON.parse(fordela(env, "grants", "list", "--format", "json").stdout) as Json[];
    const seed002 = json.find((a) => a.name === "Sammanhållen, jämlik och säker vård 2023")!;
    expect(seed002).toMatchObject({ total: kr(226_000_000), decidedTotal: kr(226_000_000), decisionCount: 1 });
    expect(seed002.decisions).toEqual([expect.objectContaining({ diaryNumber: "S2023/00488", status: "decided", check: expect.objectContaining({ balanced: true, sum: kr(226_000_000) }) })]);
    expect(seed002.decisions[0].parts).toBeUndefined();
  }, 60_000);

  it("shows a decision by diary number with its parts and deadlines, and the same by id as JSON", () => {
    const r = fordela(env, "grants", "show", "S2023/00488", "--today", "2023-11-20");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Regeringsbeslut S2023\/00488 \(id \d+\), fastställt$/m);
    expect(r.stdout).toMatch(/^ +6 +Regionerna +62 500 000 kr +62 500 000 kr +uo 9, 1:6, ap\. 40 +Arbetet med personcentrerade/m);
    expect(r.stdout).toContain("Summa delar 226 000 000 kr: stämmer med beslutets total");
    // Seven parts, each requisitioned by 2023-12-01: 11 days left on 2023-11-20.
    expect(r.stdout.match(/2023-12-01 +om 11 dagar +Rekvisition/g)).toHaveLength(7);
    expect(r.stdout).toMatch(/2023-09-30 +51 dagar försenad +Delredovisning till Regeringskansliet/);
    const id = /\(id (\d+)\)/.exec(r.stdout)![1]!;
    const json = JSON.parse(fordela(env, "grants", "show", id, "--today", "2023-11-20", "--format", "json").stdout) as Json;
    expect(json.diaryNumber).toBe("S2023/00488");
    expect(json.parts.map((p: Json) => p.amount / 100)).toEqual([3_000_000, 68_000_000, 5_000_000, 10_000_000, 17_500_000, 62_500_000, 60_000_000]);
    expect(json.parts[5].deadlines).toEqual([
      { what: "Rekvisition", date: "2023-12-01", to: null, daysLeft: 11 },
      { what: "Ekonomisk redovisning", date: "2024-03-31", to: "Kammarkollegiet", daysLeft: 132 },
      { what: "Återbetalning", date: "2024-03-31", to: "Kammarkollegiet", daysLeft: 132 },
    ]);
  }, 60_000);

  it("shows a recipient's figures and the status of each grant", () => {
    const r = fordela(env, "grants", "recipient", "23", "--today", "2024-01-15");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Statsbidrag för Region Jämtland Härjedalen (23) per 2024-01-15");
    expect(r.stdout).toMatch(/Ökad tillgänglighet i hälso- och sjukvården 2023 +5 039 944 kr +– +5 039 944 kr +0 kr +5 039 944 kr +5 039 944 kr/);
    expect(r.stdout).toMatch(/S2023\/00488\) +787 491 kr/);
    expect(r.stdout).toContain(": Redovisa till Socialstyrelsen och återbetala 5 039 944 kr till Kammarkollegiet senast 2024-03-31");
    expect(r.stdout).toMatch(/: FÖRSENAD: Rätten till bidraget har förfallit/);
    const json = JSON.parse(fordela(env, "grants", "recipient", "23", "--today", "2023-11-20", "--format", "json").stdout) as Json;
    expect(json.organisation).toEqual({ code: "23", name: "Region Jämtland Härjedalen" });
    const annex = json.grants.find((g: Json) => g.diaryNumber === "S2023/00488");
    expect(annex.entitled).toBe(kr(787_491));
    expect(annex.status).toMatchObject({ code: "requisition", dueDate: "2023-12-01", overdue: false });
  }, 60_000);

  it("answers bad input in Swedish with a non-zero exit code", () => {
    const unknownOrg = fordela(env, "grants", "recipient", "99");
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toMatch(/^Fel: Organisationen "99" finns inte/);
    const unknownDecision = fordela(env, "grants", "show", "S2099/00001");
    expect(unknownDecision.code).toBe(1);
    expect(unknownDecision.stderr).toMatch(/^Fel: Regeringsbeslutet "S2099\/00001" finns inte/);
    const badFormat = fordela(env, "grants", "list", "--format", "csv");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format: "csv" ska vara table eller json/);
    const noSub = fordela(env, "grants", "frobnicate");
    expect(noSub.code).toBe(2);
    expect(noSub.stderr).toMatch(/Okänt underkommando "frobnicate"/);
  }, 60_000);
});
