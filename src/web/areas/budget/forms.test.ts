import { describe, expect, it } from "vitest";
import { calculateProposal } from "../../../core/budget";
import { seed000Budget } from "../../../core/budget/seed-000-budget";
import { seed001Subscription } from "../../../core/budget/seed-001-subscription";
import type { Organisation } from "../../api/types";
import type { BudgetSpec } from "./api";
import { budgetFormFromSpec, buildBudgetSpec, emptyBudgetForm } from "./budget-form";
import { buildFinancingSpec, emptyFinancingForm, financingFormFromSpec } from "./financing-form";
import { buildMetadata, metaFormFrom } from "./metadata-form";
import { buildSubscriptionSpec, subscriptionFormFromSpec } from "./subscription-form";

const TKR = 100_000;
const regions: Organisation[] = [
  ["03", "Region Uppsala"],
  ["04", "Region Sörmland"],
  ["17", "Region Värmland"],
].map(([code, name], i) => ({ id: i + 1, code: code!, name: name!, shortName: name!, kind: "region", countyCode: code! }));

const seed000: BudgetSpec = {
  model: seed000Budget,
  proposal: {
    baseAmount: 10_500 * TKR,
    baseLabel: "Budget 2023",
    index: { kind: "percent", percent: "2,5", source: "Budgetdirektiven" },
    additions: [{ label: "Utökning", amount: 700 * TKR, decisionReference: "Samverkansnämnden 2023-02-17" }],
    members: regions.map((r) => ({ key: r.code, label: r.name })),
    split: "equal",
    rounding: { unit: 10 * TKR, direction: "up" },
    targetColumn: 3,
  },
};

describe("budget form", () => {
  it("round-trips seed 000's table and proposal through the text fields in tkr", () => {
    const form = budgetFormFromSpec(seed000);
    expect(form.lines[0]!.cells.map((c) => c.replace(/\u00a0/g, " "))).toEqual(["7 190 tkr", "7 588 tkr", "10 025 tkr", "11 000 tkr"]);
    expect(buildBudgetSpec(form, regions)).toEqual({ spec: seed000, errors: {} });
  });

  it("reads unit-less cells in tkr and feeds a proposal that splits 10 500 × 1,025 + 700", () => {
    const form = budgetFormFromSpec(seed000);
    form.proposal.baseText = "10 500";
    form.proposal.additions[0]!.amountText = "700";
    const { spec } = buildBudgetSpec(form, regions);
    const p = spec!.proposal!;
    const result = calculateProposal({ ...p, index: { kind: "percent", percent: "2,5", source: "x" }, members: p.members });
    // 11 462,5 tkr over 3 members rounded up to 10 tkr: 3 × 3 830 tkr.
    expect(result.roundedTotal).toBe(3 * 3_830 * TKR);
  });

  it("names each missing field of a new form", () => {
    const form = emptyBudgetForm(2025);
    const { spec, errors } = buildBudgetSpec(form, regions);
    expect(spec).toBeUndefined();
    expect(Object.keys(errors)).toEqual([`line-${form.lines[0]!.id}-label`, "base", "baseLabel", "percent", "members"]);
  });
});

describe("joint financing form", () => {
  it("keeps seed 001's stated area, date, basis and rounding", () => {
    const spec = { method: "per_inhabitant" as const, ratePerInhabitant: "0,50", area: { code: "SVR-SODRA", date: "2021-12-31", basis: "whole_regions" as const }, rounding: { unit: 100, direction: "down" as const } };
    expect(buildFinancingSpec(financingFormFromSpec(spec), regions)).toEqual({ spec, errors: {} });
  });
  it("builds agreed shares and names a missing share by member", () => {
    const form = { ...emptyFinancingForm(), method: "agreed" as const, totalText: "1 000 000", members: ["03", "04"], shares: { "03": "60" } as Record<string, string> };
    expect(buildFinancingSpec(form, regions).errors).toEqual({ "share-04": 'Andel för Region Sörmland: skriv procent som ett tal, till exempel "12,5".' });
    form.shares["04"] = "40";
    expect(buildFinancingSpec(form, regions).spec).toEqual({
      method: "agreed",
      total: 100_000_000,
      members: [
        { key: "03", label: "Region Uppsala", sharePercent: "60" },
        { key: "04", label: "Region Sörmland", sharePercent: "40" },
      ],
      rounding: { unit: 100, direction: "down" },
    });
  });
});

describe("subscription form", () => {
  it("round-trips seed 001's matrix, keeping the printed totals", () => {
    const spec = { ...seed001Subscription.input, stated: seed001Subscription.stated };
    expect(buildSubscriptionSpec(subscriptionFormFromSpec(spec))).toEqual({ spec, errors: {} });
  });
});

describe("metadata form", () => {
  it("round-trips seed 004's metadata and names a person line without a name", () => {
    const meta = {
      caseNumber: "HSN 1430-2024",
      relatedCases: ["HSN 746-2024, § 219"],
      summary: ["Första stycket.", "Andra stycket."],
      preparedBy: [{ name: "Harriet Boström", title: "Controllerstrateg" }],
      distribution: ["Elisabeth O Karlsson, HSD"],
      displayUnit: "mkr" as const,
    };
    expect(buildMetadata(metaFormFrom(meta))).toEqual({ metadata: meta, errors: {} });
    expect(buildMetadata({ ...metaFormFrom(meta), participants: ", Stabschef", date: "26/11" }).errors).toEqual({
      "meta-date": "Datum: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-11-26.",
      "meta-participants": 'Delaktiga: raden ", Stabschef" saknar namn före kommatecknet.',
    });
  });
});
