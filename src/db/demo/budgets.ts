import { seed000Budget } from "../../core/budget/seed-000-budget";
import { seed001Subscription } from "../../core/budget/seed-001-subscription";
import type { BudgetSpec, DocumentMetadata, FrameChangeSpec, JointFinancingSpec, SubscriptionSpec } from "../../core/budget/specs";
import { COOPERATION_REGIONS } from "../../core/reference/cooperation-regions";
import { REGIONS } from "../../core/reference/regions";
import type { Db } from "../connect";
import { insertBudgetDocument } from "../queries/budgets";
import { computeBudgetDocument, type SpecOf } from "../queries/budgets-compute";
import type { BudgetDocumentKind } from "../schema-budgets";

const TKR = 100_000;
const MKR = 100_000_000;

interface DemoDocument<K extends BudgetDocumentKind = BudgetDocumentKind> {
  kind: K;
  organisationCode: string;
  title: string;
  year: number;
  decided: boolean;
  spec: SpecOf[K];
  metadata: DocumentMetadata;
}

const uppsalaOrebro = COOPERATION_REGIONS.find((c) => c.code === "SVR-UPPSALA-OREBRO")!;

// Seed 000: the Samverkansnämnd's cost table and the 2024 proposal (10 500 tkr × 1,025 + 700 tkr,
// 1 640 tkr per region rounded up to 10 tkr, 11 480 tkr in all).
const seed000: DemoDocument<"budget"> = {
  kind: "budget",
  organisationCode: "SVR-UPPSALA-OREBRO",
  title: "Budget 2024 för Samverkansnämndens verksamhet",
  year: 2024,
  decided: false,
  spec: {
    model: seed000Budget,
    proposal: {
      baseAmount: 10_500 * TKR,
      baseLabel: "Budget 2023",
      index: { kind: "percent", percent: "2,5", source: "Budgetdirektiven" },
      additions: [{ label: "Utökning av tjänsteutrymmet för sjukvårdsregionalt donationsansvarig läkare och sjuksköterska", amount: 700 * TKR, decisionReference: "Samverkansnämnden 2023-02-17" }],
      members: uppsalaOrebro.wholeCounties.map((county) => ({ key: county, label: REGIONS.find((r) => r.countyCode === county)!.name })),
      split: "equal",
      rounding: { unit: 10 * TKR, direction: "up" },
      targetColumn: 3,
    },
  } satisfies BudgetSpec,
  metadata: {
    organisationName: "Uppsala-Örebro sjukvårdsregion, Samverkansnämnden",
    summary: [
      "Samverkansnämndens ledningsgrupp föreslår att regionerna för år 2024 avsätter 1 640 tkr per region till samverkansnämndens verksamhet, totalt 11 480 tkr. Det inkluderar en uppräkning av budget 2023 med 2,5 %, i enlighet med budgetdirektiven, samt 700 tkr för den utökning av tjänsteutrymmet för sjukvårdsregionalt donationsansvarig läkare och sjuksköterska som samverkansnämnden beslutade om den 17 februari 2023.",
      "Inför 2023 finns 13 mnkr i ingående balans uppbyggt och 3 mnkr kvar av projektmedlen till kunskapsstyrnings- och kunskapsstödsprojekt. Under 2023 erhåller sjukvårdsregionen ytterligare 10 mnkr för arbetet med personcentrerade och sammanhållna vårdförlopp.",
    ],
    attSatser: ["rekommendera sjukvårdsregionens regioner att besluta att budget 2024 för Samverkansnämndens verksamheter utgörs av 11 480 tkr."],
    preparedBy: [{ name: "Mikael Köhler", title: "Ordförande Ledningsgruppen" }],
    displayUnit: "tkr",
  },
};

// Seed 004. The seed does not name the region: HSN, the Wallenberg Centre for Molecular Medicine
// (WCMM, Umeå) and "de tre länsdelarna" point to Region Västerbotten (24) — an inference.
const seed004: DemoDocument<"frame_change"> = {
  kind: "frame_change",
  organisationCode: "24",
  title: "Fördelning av budgettillskott till HSN 2025",
  year: 2025,
  decided: false,
  spec: {
    grossIncrease: 214 * MKR,
    // The seed gives only the sum of the reductions (214 − 190 = 24 mkr), not their split.
    reductions: [{ label: "Höjda avgifter och omfördelning till RS för licensavtal", amount: 24 * MKR, reason: "Beslut om höjda avgifter och omfördelning till RS för licensavtal (fördelningen mellan dem anges inte i underlaget)" }],
    lines: [
      ["Personalkostnader", 81],
      ["Produktionskostnader – förstärkt budgetindex", 19],
      ["Medicinskt material opererande kliniker", 20],
      ["Tandvård – Hälsa tillsammans förebyggande insatser", 3],
      ["Tandvård – Förlängning insatser för påbörjade behandlingar 20–23 år", 6],
      ["Forskning WCMM medfinansiering", 7],
      ["Nya metoder och NHV i full drift", 50],
      ["Centrum mot våld i de tre länsdelarna", 3],
      ["Insatser för förbättrad tillgänglighet i Primärvård", 1],
    ].map(([label, mkr]) => ({ label: label as string, amount: (mkr as number) * MKR })),
  } satisfies FrameChangeSpec,
  metadata: {
    organisationName: "Hälso- och sjukvårdsnämnden",
    caseNumber: "HSN 1430-2024",
    relatedCases: ["Hälso- och sjukvårdsnämndens nämndplan 2025, HSN 746-2024, § 219"],
    summary: [
      "Hälso- och sjukvårdsnämndens ram har i regionplanen 2025 förstärkts med 214 mkr. Utrymmet reduceras utifrån beslut om höjda avgifter och omfördelning till RS för licensavtal. Kvar att fördela är 190 mkr.",
      "Regionfullmäktige har i regionplanen beskrivit att tillskott ska gå till ofinansierade kostnader såsom lönekostnader, nationell högspecialiserad vård, medicinskt material och medicinsk utveckling. Det ska också fördelas till tandvården för utbyggnad av konceptet Hälsa tillsammans och fortsatt behandling av påbörjad behandling patienter 20–23 år.",
    ],
    proposalText: ["Hälso- och sjukvårdsnämnden godkänner hälso- och sjukvårdsdirektörens föreslagna fördelning av budgettillskott."],
    preparedBy: [{ name: "Harriet Boström", title: "Controllerstrateg" }],
    participants: [{ name: "Yvonne Nygren", title: "Stabschef HSF" }],
    distribution: ["Elisabeth O Karlsson, HSD"],
    decidedBy: "Hälso- och sjukvårdsnämnden",
    notes: [
      "Höjda avgifter och omfördelning till RS för licensavtal redovisas på en rad, 24 mkr (214 − 190 mkr).",
      "Regionens namn (Region Västerbotten) är antaget i exemplet.",
      "Beslutsunderlag: PM ”Ekonomiska förutsättningar och budget 2025”.",
    ],
    displayUnit: "mkr",
  },
};

// Seed 001: 50 öre per inhabitant of the whole member regions on 2021-12-31, rounded down to kronor.
const seed001Financing: DemoDocument<"joint_financing"> = {
  kind: "joint_financing",
  organisationCode: "SVR-SODRA",
  title: "Solidarisk finansiering 2023, 50 öre per invånare",
  year: 2023,
  decided: true,
  spec: { method: "per_inhabitant", ratePerInhabitant: "0,50", area: { code: "SVR-SODRA", date: "2021-12-31", basis: "whole_regions" }, rounding: { unit: 100, direction: "down" } } satisfies JointFinancingSpec,
  metadata: {
    organisationName: "Södra sjukvårdsregionen",
    notes: ["Årsredovisningen 2023 (projekt 8930) anger 1 052 472 kr; den räknas på hela Halland, inte bara södra Halland, och på folkmängden 2021-12-31."],
    displayUnit: "kr",
  },
};

const seed001Matrix: DemoDocument<"subscription"> = {
  kind: "subscription",
  organisationCode: "SVR-SODRA",
  title: "Abonnemang 2023 inom Södra sjukvårdsregionen",
  year: 2023,
  decided: true,
  spec: { ...seed001Subscription.input, stated: seed001Subscription.stated } satisfies SubscriptionSpec,
  metadata: {
    organisationName: "Södra sjukvårdsregionen",
    summary: ["Abonnemangen för 2023 omsluter nästan 538 Mkr. En fast grundsumma motsvarande 50 % av ersättningen betalas; kostnadsnivåerna räknas upp med LPIK."],
    notes: ["Källan (årsredovisning 2023) visar bara hela tkr; cellerna lagras så, och källans egna summor jämförs med de beräknade."],
    displayUnit: "tkr",
  },
};

export const demoBudgetDocuments: DemoDocument[] = [seed000, seed004, seed001Financing, seed001Matrix];

/** Loads the budget examples of seeds 000, 001 and 004 that are not yet in the database. */
export async function loadDemoBudgets(db: Db, log: (line: string) => void = () => {}): Promise<string[]> {
  const added: string[] = [];
  const admin = await db.selectFrom("users").select(["id"]).where("is_admin", "=", true).orderBy("id").executeTakeFirst();
  for (const demo of demoBudgetDocuments) {
    const exists = await db.selectFrom("budget_documents").select("id").where("title", "=", demo.title).executeTakeFirst();
    if (exists) continue;
    const org = await db.selectFrom("organisations").select("id").where("code", "=", demo.organisationCode).executeTakeFirstOrThrow();
    const { result, totalOre } = await computeBudgetDocument(db, demo.kind, demo.spec);
    await db.transaction().execute(async (trx) => {
      const id = await insertBudgetDocument(trx, { kind: demo.kind, organisationId: org.id, title: demo.title, year: demo.year, spec: demo.spec, result, metadata: demo.metadata, totalOre, createdBy: admin?.id ?? null });
      if (demo.decided) await trx.updateTable("budget_documents").set({ status: "decided", decided_at: new Date(), decided_by: admin?.id ?? null }).where("id", "=", id).execute();
      await trx.insertInto("audit_log").values({ action: "create", entity: demo.kind, entity_id: String(id), organisation_id: org.id, username: "exempeldata", after: JSON.stringify({ title: demo.title, total: totalOre }) }).execute();
    });
    log(`  ${demo.title}`);
    added.push(demo.title);
  }
  return added;
}
