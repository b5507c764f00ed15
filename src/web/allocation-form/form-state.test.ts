import { describe, expect, it } from "vitest";
import type { AllocationRequest, Organisation } from "../api/types";
import { buildRequest, emptyForm, formFromRequest, newFreeLine, type AllocationForm } from "./form-state";

const org = (id: number, code: string, kind: Organisation["kind"], name: string, countyCode: string | null = null): Organisation => ({
  id,
  code,
  kind,
  name,
  shortName: name,
  countyCode,
});

const organisations: Organisation[] = [
  org(1, "REGERINGEN", "state", "Regeringen"),
  org(2, "23", "region", "Region Jämtland Härjedalen", "23"),
  org(3, "13", "region", "Region Halland", "13"),
  org(4, "SVR-NORRA", "cooperation_region", "Norra samverkansregionen"),
  org(5, "SVR-SODRA", "cooperation_region", "Södra samverkansregionen"),
  org(6, "1380", "municipality", "Halmstad", "13"),
  org(7, "2380", "municipality", "Östersund", "23"),
];

function form(patch: Partial<AllocationForm>): AllocationForm {
  return { ...emptyForm(), ...patch };
}

function line(method: Parameters<typeof newFreeLine>[0], label: string, value = "") {
  return { ...newFreeLine(method), label, value };
}

describe("buildRequest", () => {
  it("splits a total written with a unit equally over the chosen cooperation regions", () => {
    const built = buildRequest(form({ totalText: "60 000 000 kr", group: "cooperation_region", keyKind: "equal", selected: ["SVR-NORRA", "SVR-SODRA"] }), organisations);
    expect(built).toEqual({
      request: {
        total: 6_000_000_000,
        unit: 100,
        rounding: "largest-remainder",
        key: { kind: "none" },
        lines: [
          { label: "Norra samverkansregionen", recipientCode: "SVR-NORRA", method: "equal" },
          { label: "Södra samverkansregionen", recipientCode: "SVR-SODRA", method: "equal" },
        ],
      },
    });
  });

  it("sends a population key with date, and the basis only for cooperation regions", () => {
    const regions = buildRequest(form({ totalText: "62 500 000", group: "region", selected: ["23", "13"], populationDate: "2023-12-31", basis: "whole_regions" }), organisations);
    expect("request" in regions && regions.request.key).toEqual({ kind: "population", date: "2023-12-31", basis: "membership" });
    expect("request" in regions && regions.request.lines.map((l) => l.method)).toEqual(["population", "population"]);

    const coop = buildRequest(form({ totalText: "1 052 472 kr", group: "cooperation_region", selected: ["SVR-SODRA"], populationDate: "2021-12-31", basis: "whole_regions" }), organisations);
    expect("request" in coop && coop.request.key).toEqual({ kind: "population", date: "2021-12-31", basis: "whole_regions" });
  });

  it("reads tkr with a decimal comma exactly (seed 000: 11 462,5 tkr)", () => {
    const built = buildRequest(form({ totalText: "11 462,5 tkr", group: "region", keyKind: "equal", selected: ["23"], unit: 1_000_000, rounding: "up" }), organisations);
    expect("request" in built && built.request.total).toBe(1_146_250_000);
    expect("request" in built && built.request.unit).toBe(1_000_000);
  });

  it("builds seed 003's free lines with a remainder line", () => {
    const built = buildRequest(
      form({
        totalText: "5 039 944 kr",
        group: "none",
        freeLines: [
          line("fixed", "Öronmärkta medel för BUP", "973 541"),
          line("fixed", "Tillgänglighetssamordnare", "900 000 kr"),
          line("percent", "Reserv", "2,5 %"),
          line("weight", "Vikt", "3"),
          line("remainder", "Övriga satsningar"),
        ],
      }),
      organisations,
    );
    expect("request" in built && built.request.lines).toEqual([
      { label: "Öronmärkta medel för BUP", method: "fixed", amount: 97_354_100 },
      { label: "Tillgänglighetssamordnare", method: "fixed", amount: 90_000_000 },
      { label: "Reserv", method: "percent", percent: "2,5" },
      { label: "Vikt", method: "weight", weight: 3 },
      { label: "Övriga satsningar", method: "remainder" },
    ]);
  });

  it("reports each bad field in Swedish, keyed by field", () => {
    const bad = line("fixed", "", "1.640");
    const built = buildRequest(form({ totalText: "62 500 000 euro", group: "region", selected: [], populationDate: "", freeLines: [bad, line("remainder", "A"), line("remainder", "B")] }), organisations);
    expect("errors" in built).toBe(true);
    if (!("errors" in built)) return;
    expect(built.errors.total).toMatch(/^Belopp att fördela: .*okänd enhet "euro"/);
    expect(built.errors.recipients).toMatch(/välj minst en/);
    expect(built.errors.populationDate).toMatch(/välj datum/);
    expect(built.errors[`line-${bad.id}-label`]).toBe("Rad 1: ange en benämning.");
    expect(built.errors[`line-${bad.id}`]).toMatch(/tvetydigt/);
    expect(built.errors.freeLines).toBe("Fria rader: bara en rad kan ta resten.");
  });

  it("refuses a zero total and an empty allocation", () => {
    const built = buildRequest(form({ totalText: "0 kr", group: "none" }), organisations);
    expect("errors" in built && built.errors.total).toMatch(/större än noll/);
    expect("errors" in built && built.errors.recipients).toMatch(/lägg till minst en fri rad/);
  });
});

describe("formFromRequest", () => {
  const requests: AllocationRequest[] = [
    {
      total: 1_146_250_000,
      unit: 1_000_000,
      rounding: "up",
      key: { kind: "none" },
      lines: [
        { label: "Region Jämtland Härjedalen", recipientCode: "23", method: "equal" },
        { label: "Region Halland", recipientCode: "13", method: "equal" },
      ],
    },
    {
      total: 105_247_200,
      unit: 100,
      rounding: "down",
      key: { kind: "population", date: "2021-12-31", basis: "whole_regions" },
      lines: [{ label: "Södra samverkansregionen", recipientCode: "SVR-SODRA", method: "population" }],
    },
    {
      total: 503_994_412,
      unit: 100,
      rounding: "largest-remainder",
      pool: 100_000_000,
      key: { kind: "population", date: "2023-12-31", basis: "membership" },
      lines: [
        { label: "Halmstad", recipientCode: "1380", method: "population" },
        { label: "Fast", method: "fixed", amount: 97_354_150 },
        { label: "Procent", method: "percent", percent: "12,5" },
        { label: "Region Halland", recipientCode: "13", method: "weight", weight: 2 },
        { label: "Resten", method: "remainder" },
      ],
    },
  ];

  it.each(requests.map((r, i) => [i, r] as const))("rebuilds saved request %i unchanged", (_i, request) => {
    const f = formFromRequest(request, organisations, "Rubrik", 1);
    expect(f.title).toBe("Rubrik");
    expect(f.organisationId).toBe("1");
    expect(buildRequest(f, organisations)).toEqual({ request });
  });

  it("puts recipients of a group in the picker and other lines among the free lines", () => {
    const f = formFromRequest(requests[2]!, organisations, "Rubrik", 1);
    expect(f.group).toBe("municipality");
    expect(f.selected).toEqual(["1380"]);
    expect(f.freeLines.map((l) => [l.label, l.method, l.value])).toEqual([
      ["Fast", "fixed", "973\u00a0541,50\u00a0kr"],
      ["Procent", "percent", "12,5"],
      ["Region Halland", "weight", "2"],
      ["Resten", "remainder", ""],
    ]);
  });
});
