import { describe, expect, it } from "vitest";
import { checkNarrative, projectParagraph } from "./narrative";
import { mandatePeriod, projectAccounts } from "./project-accounts";
import { SEED001_BOARD_RESULT, SEED001_NARRATIVE, SEED001_PROJECTS } from "./seed001.fixture";

const kr = (n: number) => n * 100;

describe("project accounts (seed 001)", () => {
  const table = projectAccounts({ year: 2023, projects: SEED001_PROJECTS, boardResult: SEED001_BOARD_RESULT, excludeFromSubtotal: ["8938"] });

  it("gives each project's closing balance", () => {
    const closing = Object.fromEntries([...table.rows, ...table.excludedRows].map((r) => [r.code || r.name, r.closing]));
    expect(closing).toEqual({
      "8925": kr(598_198),
      "8930": kr(1_729_409),
      "8941": kr(34_623_457),
      "8938": kr(16_985_575),
      "Resultat nämnden 2023–2026": kr(-663_740),
    });
  });

  it("gives the subtotal without 8938 and the total", () => {
    expect(table.subtotal).toMatchObject({ opening: kr(37_625_054), jointFinancing: kr(2_633_620), otherIncome: kr(10_600_000), costs: kr(14_571_350), closing: kr(36_287_324) });
    expect(table.subtotal.label).toBe("Delsumma exkl. Kliniska studier Forum Söder");
    expect(table.total).toMatchObject({ opening: kr(56_315_903), jointFinancing: kr(2_633_620), otherIncome: kr(22_429_337), costs: kr(28_105_961), closing: kr(53_272_899) });
  });

  it("rolls closing balances forward and carries the board's result within the term", () => {
    const next = projectAccounts({
      year: 2024,
      previous: table,
      projects: [{ code: "8941", name: "Kunskapsstyrning", opening: null, jointFinancing: 0, otherIncome: 0, costs: kr(1_000) }],
      boardResult: kr(100),
      excludeFromSubtotal: ["8938"],
    });
    const r8941 = next.rows.find((r) => r.code === "8941")!;
    expect(r8941).toMatchObject({ opening: kr(34_623_457), openingSource: "previous_year", closing: kr(34_622_457) });
    // 8925 had no rows in 2024 but keeps its balance.
    expect(next.rows.find((r) => r.code === "8925")).toMatchObject({ opening: kr(598_198), closing: kr(598_198) });
    expect(next.rows.find((r) => r.kind === "board")).toMatchObject({ opening: kr(-663_740), otherIncome: kr(100), closing: kr(-663_640) });
    expect(next.subtotal.opening).toBe(table.subtotal.closing);
    expect(next.total.opening).toBe(table.total.closing);
  });

  it("starts the board's result from zero in a new term of office", () => {
    expect(mandatePeriod(2023)).toEqual({ start: 2023, end: 2026 });
    expect(mandatePeriod(2026)).toEqual({ start: 2023, end: 2026 });
    expect(mandatePeriod(2027)).toEqual({ start: 2027, end: 2030 });
    const t2026 = projectAccounts({ year: 2026, projects: [], boardResult: kr(-5) });
    const t2027 = projectAccounts({ year: 2027, projects: [], boardResult: kr(-7), previous: t2026 });
    expect(t2027.rows[0]).toMatchObject({ name: "Resultat nämnden 2027–2030", opening: 0, closing: kr(-7) });
  });

  it("writes the project's paragraph from the table", () => {
    const row = table.rows.find((r) => r.code === "8941")!;
    expect(projectParagraph(row, 2023).replaceAll("\u00a0", " ")).toBe(
      "Projekt 8941 Kunskapsstyrning, SFBF, Vårdförlopp: ingående balans 2023 33 914 tkr, solidarisk finansiering 1 249 tkr och övriga intäkter 10 000 tkr, kostnader 10 540 tkr, utgående balans 34 623 tkr.",
    );
  });

  it("flags the two wrong figures of seed 001's 8941 paragraph and nothing else", () => {
    const check = checkNarrative(SEED001_NARRATIVE, table);
    expect(check.mismatches.map((m) => [m.project, m.field, m.written.replaceAll("\u00a0", " "), m.tableOre])).toEqual([
      ["8941", "costs", "8 540 tkr", kr(10_539_502)],
      ["8941", "closing", "36 287 tkr", kr(34_623_457)],
    ]);
    expect(check.mismatches[1]!.message).toContain("delsummans utgående balans");
    // Opening, income and closing of every project are judged: 8925 (2), 8930 (4), 8938 (4), 8941 (5).
    expect(check.checked).toBe(15);
  });

  it("finds nothing to flag in paragraphs generated from the table", () => {
    const text = [...table.rows, ...table.excludedRows].filter((r) => r.kind === "project").map((r) => projectParagraph(r, 2023)).join("\n");
    const check = checkNarrative(text, table);
    expect(check.mismatches).toEqual([]);
    expect(check.checked).toBeGreaterThanOrEqual(16);
  });
});
