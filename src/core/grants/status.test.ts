import { describe, expect, it } from "vitest";
import { allocate } from "../allocation";
import { calendar, deadlinesFor, daysLeftText } from "./deadlines";
import { diffVersions, type VersionSnapshot } from "./diff";
import { internalAllocationInput, resolvedLines, earmarkedTotal, type InternalLine, type InternalMetadata } from "./internal";
import { recipientStatus } from "./status";
import type { PartTerms, ReceiptState } from "./types";

const kr = (n: number) => n * 100;
const nb = (s: string) => s.replace(/\u00a0/g, " ");

// Seed 002's regional part as Region Jämtland Härjedalen sees it.
const regions: PartTerms & { payer: string } = {
  partId: 6,
  title: "Personcentrerade och sammanhållna vårdförlopp (S2023/00488)",
  amount: kr(62_500_000),
  requisitionDeadline: "2023-12-01",
  reportDeadline: "2024-03-31",
  reportRecipient: "Kammarkollegiet",
  repaymentDeadline: "2024-03-31",
  repaymentRecipient: "Kammarkollegiet",
  activityReports: [],
  payer: "Kammarkollegiet",
};

const fresh: ReceiptState = {
  entitled: kr(787_491),
  requisitionedOn: null,
  requisitioned: null,
  receivedOn: null,
  received: null,
  spent: 0,
  reportedOn: null,
  repaidOn: null,
  repaid: null,
  partialReportOn: null,
  finalReportOn: null,
};

describe("recipientStatus", () => {
  it("asks for a requisition before the deadline, and says the right lapsed after it", () => {
    expect(recipientStatus(regions, fresh, "2023-06-01")).toMatchObject({ code: "requisition", text: "Rekvirera senast 2023-12-01", overdue: false });
    expect(recipientStatus(regions, fresh, "2023-12-02")).toMatchObject({ code: "lapsed", overdue: true });
  });

  it("waits for the payment once requisitioned", () => {
    const s = recipientStatus(regions, { ...fresh, requisitionedOn: "2023-03-01", requisitioned: kr(787_491) }, "2023-03-02");
    expect(nb(s.text)).toBe("Invänta utbetalning av 787 491 kr (rekvirerat 2023-03-01)");
  });

  it("asks to report and repay the unspent amount to one recipient in one sentence", () => {
    const state = { ...fresh, requisitionedOn: "2023-03-01", received: kr(787_491), receivedOn: "2023-03-20", spent: kr(786_257) };
    const s = recipientStatus(regions, state, "2024-01-10");
    expect(nb(s.text)).toBe("Redovisa och återbetala 1 234 kr till Kammarkollegiet senast 2024-03-31");
    expect(s.overdue).toBe(false);
    const late = recipientStatus(regions, state, "2024-04-02");
    expect(late.text).toMatch(/försenat 2 dagar\)$/);
    expect(late.overdue).toBe(true);
  });

  it("names two recipients when the report and the repayment go to different bodies (seed 003)", () => {
    const seed003 = { ...regions, reportRecipient: "Socialstyrelsen" };
    const state = { ...fresh, entitled: kr(5_039_944), received: kr(5_039_944), spent: kr(5_000_000) };
    expect(nb(recipientStatus(seed003, state, "2024-01-01").text)).toBe("Redovisa till Socialstyrelsen och återbetala 39 944 kr till Kammarkollegiet senast 2024-03-31");
  });

  it("is done when reported and nothing is left to repay", () => {
    const state = { ...fresh, received: kr(100), spent: kr(60), reportedOn: "2024-03-01", repaidOn: "2024-03-02", repaid: kr(40) };
    expect(recipientStatus(regions, state, "2024-03-05")).toMatchObject({ code: "done", text: "Klar" });
    expect(recipientStatus(regions, { ...state, repaidOn: null, repaid: null, spent: kr(100) }, "2024-03-05").text).toBe("Klar");
  });

  it("takes SKR's partial activity report first when it falls due earliest", () => {
    const skr = { ...regions, activityReports: [{ kind: "partial" as const, deadline: "2023-09-30", recipient: "Regeringskansliet (Socialdepartementet)" }, { kind: "final" as const, deadline: "2024-03-31", recipient: "Regeringskansliet (Socialdepartementet)" }] };
    const state = { ...fresh, received: kr(3_000_000) };
    expect(recipientStatus(skr, state, "2023-09-01").text).toBe("Lämna delredovisning till Regeringskansliet (Socialdepartementet) senast 2023-09-30");
  });
});

describe("deadlines and calendar", () => {
  const org = { code: "23", name: "Region Jämtland Härjedalen" };

  it("lists requisition, report and repayment with days left, and marks overdue", () => {
    const list = calendar(deadlinesFor(regions, org, fresh), { today: "2023-11-20" });
    expect(list.map((d) => [d.kind, d.daysLeft, d.overdue])).toEqual([
      ["requisition", 11, false],
      ["financial_report", 132, false],
      ["repayment", 132, false],
    ]);
    expect(list[0]!.summary).toBe("Rekvisition till Kammarkollegiet: Personcentrerade och sammanhållna vårdförlopp (S2023/00488) (Region Jämtland Härjedalen)");
    expect(calendar(deadlinesFor(regions, org, fresh), { today: "2023-12-05", withinDays: 30 })).toMatchObject([{ kind: "requisition", daysLeft: -4, overdue: true }]);
  });

  it("drops deadlines that are done, and filters by organisation", () => {
    const state = { ...fresh, requisitionedOn: "2023-03-01" };
    expect(calendar(deadlinesFor(regions, org, state), { today: "2023-11-20" }).map((d) => d.kind)).not.toContain("requisition");
    expect(calendar(deadlinesFor(regions, org, state), { today: "2023-11-20", organisationCodes: ["12"] })).toEqual([]);
  });

  it("keys a deadline by kind, part, organisation and date", () => {
    expect(deadlinesFor(regions, org, fresh)[0]!.key).toBe("requisition:6:23:2023-12-01");
  });

  it("writes days left in Swedish", () => {
    expect([0, 1, 14, -1, -3].map(daysLeftText)).toEqual(["i dag", "i morgon", "om 14 dagar", "1 dag försenad", "3 dagar försenad"]);
  });
});

const seed003Lines: InternalLine[] = [
  { label: "Öronmärkta medel för Barn och ungdomspsykiatrin", kind: "earmarked", amount: kr(973_541), earmarkPurpose: "Korta väntetiderna i barn- och ungdomspsykiatrin" },
  { label: "Tillgänglighetssamordnare, HOSPA", kind: "fixed", amount: kr(900_000) },
  { label: "Övriga kostnader", kind: "fixed", amount: kr(250_000) },
  { label: "Central vårdlots", kind: "fixed", amount: kr(1_500_000) },
  { label: "Samverkan Norge och övriga strategiska tillgänglighetssatsningar", kind: "remainder" },
];

const metadata: InternalMetadata = {
  caseNumber: null,
  decidedBy: "Sara Lewerentz",
  decidedByTitle: "Regiondirektör",
  decisionDate: null,
  delegationPoint: "4.1.19",
  delegationText: null,
  reportedTo: "Regionstyrelsen",
  reportedOn: "2023-08-29",
  conditions: ["Villkor 1"],
  distributionList: ["Ekonomidirektör"],
  basisDocuments: [],
  accountingObject: "9929",
};

function snapshot(lines: InternalLine[], meta: InternalMetadata = metadata): VersionSnapshot {
  const result = allocate(internalAllocationInput(kr(5_039_944), lines));
  return { title: "Strategiska medel", total: kr(5_039_944), metadata: meta, lines: resolvedLines(lines, result) };
}

describe("internal decisions", () => {
  it("computes seed 003's remainder line: 1 416 403 kr, 973 541 kr earmarked", () => {
    const snap = snapshot(seed003Lines);
    expect(snap.lines.at(-1)!.amount).toBe(kr(1_416_403));
    expect(snap.lines.reduce((a, l) => a + l.amount, 0)).toBe(kr(5_039_944));
    expect(earmarkedTotal(snap.lines)).toBe(kr(973_541));
  });

  it("refuses two remainder lines and a fixed line without amount", () => {
    expect(() => internalAllocationInput(100, [{ label: "a", kind: "remainder" }, { label: "b", kind: "remainder" }])).toThrow(/2 restrader/);
    expect(() => internalAllocationInput(100, [{ label: "a", kind: "fixed" }])).toThrow(/Rad 1 \(a\), fält belopp/);
  });

  it("diffs versions: a changed line moves the remainder, metadata changes are named", () => {
    const before = snapshot(seed003Lines);
    const changed = seed003Lines.map((l) => (l.label === "Central vårdlots" ? { ...l, amount: kr(1_200_000) } : l));
    const after = snapshot([...changed, { label: "Ny rad", kind: "fixed", amount: kr(100_000) }], { ...metadata, reportedOn: "2023-09-26", conditions: ["Villkor 1", "Villkor 2"] });
    const diff = diffVersions(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.fields.map((f) => f.label)).toEqual(["Anmäls datum", "Villkor"]);
    expect(diff.lines.map((l) => [l.change, l.label, l.amountDifference])).toEqual([
      ["changed", "Central vårdlots", -kr(300_000)],
      ["changed", "Samverkan Norge och övriga strategiska tillgänglighetssatsningar", kr(200_000)],
      ["added", "Ny rad", kr(100_000)],
    ]);
    expect(diffVersions(before, before).unchanged).toBe(true);
  });
});
