import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed003Costs, seed003Received, seed003Sie, seed003Used } from "../../../test/fixtures/closing/seed-003-ledger";
import { createTestDatabase } from "../../../test/helpers/db";
import { ClosingCheckError } from "../../core/grants/closing";
import { StaleRevisionError, UserFacingError } from "../../core/errors";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoGrants } from "../../db/demo/grants";
import { SEED_003_AGREEMENT, seed003Part } from "../../db/demo/grants-seeds";
import { decisionParts, insertDecision } from "../../db/queries/grants-decisions";
import { saveAnnexDistribution } from "../../db/queries/grants-distribution";
import { importSie } from "../../ledger/import-sie";
import { addSpending, saveReceipt } from "../../db/queries/grants-recipients";
import { loadReferenceData } from "../../db/queries/reference";
import { closingDocumentFile } from "../../formats/grants/closing-documents";
import { systemActor, type Actor } from "../actor";
import { coordinatorOverview, previewFinancialReport } from "./closing-read";
import { decideCarryForward } from "./decide-carry-forward";
import { fileFinancialReport } from "./file-financial-report";
import { produceRequisition } from "./produce-requisition";
import { savePaymentDetails } from "./save-payment-details";

const hasPoppler = spawnSync("which", ["pdftotext"]).status === 0;
const kr = (n: number) => n * 100;
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
const signatory = { name: "Sara Lewerentz", title: "Regiondirektör", place: "Östersund" };

/** The error a promise rejects with; fails when it resolves. */
async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("no error thrown");
}

let opened: OpenDatabase;
let actor: Actor;
let part2023: number;
let jamtlandId: number;

function pdfText(bytes: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "fordela-closing-"));
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  if (process.env.FORDELA_KEEP_PDF) execFileSync("pdftoppm", ["-r", "70", "-png", pdf, join(process.env.FORDELA_KEEP_PDF, name)]);
  return nb(execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
}

beforeAll(async () => {
  opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  await loadDemoGrants(opened.db);
  actor = systemActor("samordnare");
  jamtlandId = (await opened.db.selectFrom("organisations").select("id").where("code", "=", "23").executeTakeFirstOrThrow()).id;
  const agreement = await opened.db.selectFrom("grant_agreements").select("id").where("name", "=", SEED_003_AGREEMENT).executeTakeFirstOrThrow();
  part2023 = (await opened.db.selectFrom("grant_parts as p").innerJoin("grant_decisions as d", "d.id", "p.decision_id").select("p.id").where("d.agreement_id", "=", agreement.id).executeTakeFirstOrThrow()).id;
  await importSie(opened.db, await seed003Sie(2023), { organisationId: jamtlandId, fileName: "jamtland-2023.se" });
}, 120_000);

afterAll(async () => {
  await opened?.close();
});

describe("seed 003: Region Jämtland Härjedalen's 5 039 944 kr on object 9929", () => {
  it("the demo data holds the received amount and the object, and no requisition deadline", async () => {
    const receipt = await opened.db.selectFrom("grant_receipts").selectAll().where("part_id", "=", part2023).where("recipient_code", "=", "23").executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ accounting_object: "9929", received_ore: seed003Received });
  });

  it("previews a report whose used, unspent and repayment follow the ledger exactly (income and other objects left out)", async () => {
    const preview = await previewFinancialReport(opened.db, actor, part2023, "23", { date: "2024-03-20", explanation: null });
    expect(preview.problems).toEqual([]);
    expect(seed003Used).toBe(kr(3_040_000));
    expect(preview.figures).toMatchObject({ received: kr(5_039_944), used: kr(3_040_000), unspent: kr(1_999_944), toRepay: kr(1_999_944), carriedForward: 0 });
    const content = preview.content!;
    expect(content.byAccount.map((a) => [a.account, a.amount])).toEqual([
      ["5010", kr(1_350_000)],
      ["5410", 1_234_567],
      ["6540", kr(660_000)],
      ["7690", 101_765_433],
    ]);
    expect(content.ledgerLines).toHaveLength(seed003Costs.length);
    expect(content.repayment).toMatchObject({ amount: kr(1_999_944), dueDate: "2024-03-31", payee: "Kammarkollegiet" });
    expect(content.reportRecipient).toBe("Socialstyrelsen");
  });

  it("refuses a requisition until payment details are stored, and validates them", async () => {
    // Without the demo's example payee: as a region starts.
    await opened.db.deleteFrom("organisation_payment_details").where("organisation_id", "=", jamtlandId).execute();
    const err = await thrown(produceRequisition(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2023-06-01", signatory, expectedVersion: 0 }));
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toContain("Ange organisationsnummer och bankgiro");
    expect(await thrown(savePaymentDetails(opened.db, actor, { organisationCode: "23", organisationNumber: "232100-0015", payee: { kind: "bankgiro", number: "5050-1055", bank: null, holder: null }, revision: 0 }))).toBeInstanceOf(UserFacingError);
    const saved = await savePaymentDetails(opened.db, actor, { organisationCode: "23", organisationNumber: "2321000016", payee: { kind: "bankgiro", number: "50501055", bank: null, holder: null }, revision: 0 });
    expect(saved).toMatchObject({ organisationNumber: "232100-0016", number: "5050-1055", revision: 1 });
    expect(await thrown(savePaymentDetails(opened.db, actor, { organisationCode: "23", organisationNumber: "2321000016", payee: { kind: "plusgiro", number: "442800-9", bank: null, holder: null }, revision: 0 }))).toBeInstanceOf(StaleRevisionError);
  });

  it("produces the requisition with its registration numbers, appropriation, payee and signature block, versioned", async () => {
    const first = await produceRequisition(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2023-06-01", signatory, expectedVersion: 0 });
    expect(first.version).toBe(1);
    expect(await thrown(produceRequisition(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2023-06-02", signatory, expectedVersion: 0 }))).toBeInstanceOf(StaleRevisionError);
    const second = await produceRequisition(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2023-06-02", signatory, expectedVersion: 1 });
    expect(second.version).toBe(2);
    const stored = await opened.db.selectFrom("grant_requisitions").select(["recipient_state"]).where("id", "=", second.id).executeTakeFirstOrThrow();
    expect(stored.recipient_state).toMatchObject({ receipt: { accountingObject: "9929" } });
    expect(await thrown(opened.db.updateTable("grant_requisitions").set({ amount_ore: 1 }).where("id", "=", first.id).execute())).toBeTruthy();
    if (!hasPoppler) return;
    const text = pdfText(await closingDocumentFile(second.content, "pdf"), "rekvisition-23");
    for (const s of ["Rekvisition", "Region Jämtland Härjedalen", "232100-0016", "Bankgiro 5050-1055", "5 039 944 kr", "Ökad tillgänglighet i hälso- och sjukvården 2023", "Underskrift av behörig företrädare", "Namnförtydligande", "Sara Lewerentz", "Regiondirektör", "Östersund 2023-06-02", "Version 2"]) {
      expect(text).toContain(s);
    }
  });

  it("files the report, keeps filed versions immutable, and files a correction as a new version", async () => {
    const filed = await fileFinancialReport(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2024-03-20", signatory, explanation: null, expectedVersion: 0 });
    expect(filed.version).toBe(1);
    expect(filed.content.figures.toRepay).toBe(kr(1_999_944));
    expect(await thrown(opened.db.updateTable("grant_financial_reports").set({ used_ore: 0 }).where("id", "=", filed.id).execute())).toBeTruthy();
    expect(await thrown(opened.db.deleteFrom("grant_financial_reports").where("id", "=", filed.id).execute())).toBeTruthy();
    expect(await thrown(opened.db.insertInto("grant_financial_reports").values({ part_id: part2023, recipient_code: "23", version: 1, report_date: "2024-03-21", period_from: "2023-01-01", period_to: "2023-12-31", received_ore: 0, used_ore: 0, unspent_ore: 0, to_repay_ore: 0, content: "{}" }).execute())).toBeTruthy();
    expect(await thrown(fileFinancialReport(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2024-03-21", signatory, explanation: null, expectedVersion: 0 }))).toBeInstanceOf(StaleRevisionError);
    await addSpending(opened.db, { partId: part2023, recipientCode: "23", spentOn: "2023-12-20", amount: kr(99_944), description: "Resor Norge, fakturerat av Helse Nord", source: "manual", sourceRef: null }, null);
    const corrected = await fileFinancialReport(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2024-03-25", signatory, explanation: null, expectedVersion: 1 });
    expect(corrected.version).toBe(2);
    expect(corrected.content.figures).toMatchObject({ used: kr(3_139_944), unspent: kr(1_900_000), toRepay: kr(1_900_000) });
    if (!hasPoppler) return;
    const text = pdfText(await closingDocumentFile(corrected.content, "pdf"), "redovisning-23");
    for (const s of ["Ekonomisk redovisning", "Till Socialstyrelsen", "2023-01-01–2023-12-31", "Mottaget 5 039 944 kr", "-3 040 000 kr", "Att återbetala 1 900 000 kr", "1 900 000 kr återbetalas till Kammarkollegiet senast 2024-03-31", "5010 Löner 1 350 000 kr", "5410 Förbrukningsinventarier 12 345,67 kr", "2023-12 1 017 654,33 kr", "Resor Norge", "Underskrift av behörig företrädare", "Version 2"]) {
      expect(text).toContain(s);
    }
  });

  it("refuses a report while figures disagree and says what to fix", async () => {
    await addSpending(opened.db, { partId: part2023, recipientCode: "23", spentOn: "2024-01-15", amount: kr(10_000), description: "Sen faktura", source: "manual", sourceRef: null }, null);
    const err = await thrown(fileFinancialReport(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2024-03-26", signatory, explanation: null, expectedVersion: 2 }));
    expect(err).toBeInstanceOf(ClosingCheckError);
    expect(nb((err as Error).message)).toContain('"Sen faktura" (2024-01-15, 10 000 kr) ligger utanför perioden 2023-01-01–2023-12-31: ändra datumet eller ta bort raden');
    await opened.db.deleteFrom("grant_spending").where("description", "=", "Sen faktura").execute();
  });
});

describe("carry-forward with consent, and a multi-year agreement as one line", () => {
  let part2024: number;
  beforeAll(async () => {
    const agreement = await opened.db.selectFrom("grant_agreements").select("id").where("name", "=", SEED_003_AGREEMENT).executeTakeFirstOrThrow();
    const decisionId = await insertDecision(
      opened.db,
      { agreementId: agreement.id, organisationId: jamtlandId, title: "Strategiska medel 2024", diaryNumber: "S2024/00100", decisionDate: "2024-02-01", ministry: null, payerCode: "KAMMARKOLLEGIET", signatories: [], total: kr(440_000_000), parts: [{ ...seed003Part, reportDeadline: "2025-03-31", repaymentDeadline: "2025-03-31" }] },
      null,
    );
    const [p] = await decisionParts(opened.db, [decisionId]);
    part2024 = p!.id;
    await saveAnnexDistribution(opened.db, part2024, [{ recipientCode: "23", name: "Region Jämtland Härjedalen", amount: kr(5_000_000), line: 1 }], "test", null, null);
    await opened.db.updateTable("grant_decisions").set({ status: "decided" }).where("id", "=", decisionId).execute();
    await saveReceipt(opened.db, part2024, "23", { accountingObject: "9930", requisitionedOn: null, requisitioned: null, receivedOn: "2024-02-20", received: kr(5_000_000), reportedOn: null, repaidOn: null, repaid: null, partialReportOn: null, finalReportOn: null, notes: null });
  });

  it("refuses a consent to an earlier or the same year, then moves the unspent amount instead of repaying it", async () => {
    const base = { fromPartId: part2023, recipientCode: "23", diaryNumber: "S2024/01234", decidedOn: "2024-02-15", newDeadline: "2025-03-31", cap: null };
    expect(await thrown(decideCarryForward(opened.db, actor, { ...base, toPartId: part2023 }))).toBeInstanceOf(UserFacingError);
    expect(await thrown(decideCarryForward(opened.db, actor, { ...base, fromPartId: part2024, toPartId: part2023 }))).toBeInstanceOf(UserFacingError);
    await decideCarryForward(opened.db, actor, { ...base, toPartId: part2024 });
    expect(await thrown(decideCarryForward(opened.db, actor, { ...base, toPartId: part2024 }))).toBeInstanceOf(UserFacingError);

    const y2023 = await previewFinancialReport(opened.db, actor, part2023, "23", { date: "2024-03-28", explanation: null });
    expect(y2023.figures).toMatchObject({ unspent: kr(1_900_000), carriedForward: kr(1_900_000), toRepay: 0 });
    expect(y2023.content!.carriedOut).toMatchObject({ diaryNumber: "S2024/01234", newDeadline: "2025-03-31", amount: kr(1_900_000) });
    const y2024 = await previewFinancialReport(opened.db, actor, part2024, "23", { date: "2025-03-20", explanation: null });
    expect(y2024.figures).toMatchObject({ received: kr(5_000_000), carriedIn: kr(1_900_000), available: kr(6_900_000), used: 0, toRepay: kr(6_900_000) });
    expect(y2024.content!.carriedIn[0]).toMatchObject({ diaryNumber: "S2024/01234", amount: kr(1_900_000) });

    const overview = await coordinatorOverview(opened.db, actor, "23", "2024-03-01");
    const line = overview.agreements.find((a) => a.agreementName === SEED_003_AGREEMENT)!.line;
    expect(line.years.map((y) => [y.year, y.received, y.carriedIn, y.carriedForward])).toEqual([
      [2023, kr(5_039_944), 0, kr(1_900_000)],
      [2024, kr(5_000_000), kr(1_900_000), 0],
    ]);
    expect(line.mismatches).toEqual([]);
    const row2023 = overview.rows.find((r) => r.partId === part2023)!;
    // Version 2 was filed before the consent: a corrected report is asked for, which then shows the carry.
    expect(row2023.next).toMatchObject({ kind: "financial_report", text: "Lämna en rättad ekonomisk redovisning: siffrorna har ändrats sedan version 2" });
    const v3 = await fileFinancialReport(opened.db, actor, { partId: part2023, recipientCode: "23", date: "2024-03-28", signatory, explanation: null, expectedVersion: 2 });
    expect(v3.content.figures).toMatchObject({ carriedForward: kr(1_900_000), toRepay: 0 });
    expect((await coordinatorOverview(opened.db, actor, "23", "2024-03-01")).rows.find((r) => r.partId === part2023)!.next.kind).toBe("done");
    if (hasPoppler) {
      const text = pdfText(await closingDocumentFile(v3.content, "pdf"), "redovisning-23-v3");
      expect(text).toContain("Förs över till nästa år med medgivande 1 900 000 kr");
      expect(text).toContain("enligt bidragsgivarens beslut S2024/01234 av 2024-02-15, i stället för att återbetalas");
      const next = pdfText(await closingDocumentFile(y2024.content!, "pdf"), "redovisning-23-2024");
      expect(next).toContain("Överfört från föregående år med medgivande 1 900 000 kr");
    }
    const row2024 = overview.rows.find((r) => r.partId === part2024)!;
    expect(row2024.next).toMatchObject({ kind: "financial_report", dueDate: "2025-03-31", document: "financial_report" });
    // The regional part of seed 002 (787 491 kr) waits for its requisition.
    expect(overview.rows.find((r) => r.diaryNumber === "S2023/00488")!.next.kind).toBe("lapsed");
    const seed002 = (await coordinatorOverview(opened.db, actor, "23", "2023-06-01")).rows.find((r) => r.diaryNumber === "S2023/00488")!;
    expect(seed002).toMatchObject({ entitled: kr(787_491), next: { kind: "requisition", document: "requisition", dueDate: "2023-12-01" } });
    expect(seed002.problems.map((p) => p.field)).toEqual(["accountingObject", "received"]);
  });
});

describe("seed 002: SKR's five parts each get their own report with their anslagspost", () => {
  it("files one report per part, each naming its appropriation item", async () => {
    await savePaymentDetails(opened.db, actor, { organisationCode: "SKR", organisationNumber: "222000-0315", payee: { kind: "plusgiro", number: "442800-9", bank: null, holder: null }, revision: 1 }); // over the demo's example payee
    const parts = await opened.db
      .selectFrom("grant_parts as p")
      .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
      .select(["p.id", "p.amount_ore", "p.appropriation_item", "p.position"])
      .where("d.diary_number", "=", "S2023/00488")
      .where("p.recipient_group", "=", "skr")
      .orderBy("p.position")
      .execute();
    expect(parts.map((p) => p.appropriation_item)).toEqual(["18", "5", "29", "3", "40"]);
    const items: string[] = [];
    for (const p of parts) {
      const noObject = await previewFinancialReport(opened.db, actor, p.id, "SKR", { date: "2024-03-15", explanation: null });
      expect(noObject.problems[0]!.message).toContain("saknar redovisningsobjekt");
      await saveReceipt(opened.db, p.id, "SKR", { accountingObject: `SKR-${p.appropriation_item}`, requisitionedOn: "2023-03-01", requisitioned: p.amount_ore, receivedOn: "2023-04-01", received: p.amount_ore, reportedOn: null, repaidOn: null, repaid: null, partialReportOn: null, finalReportOn: null, notes: null });
      // SKR's ledger is not in Fördela: the costs are manual lines, 90 % of each part.
      await addSpending(opened.db, { partId: p.id, recipientCode: "SKR", spentOn: "2023-11-30", amount: (p.amount_ore / 10) * 9, description: "Kostnader enligt SKR:s huvudbok 2023", source: "manual", sourceRef: null }, null);
      const filed = await fileFinancialReport(opened.db, actor, { partId: p.id, recipientCode: "SKR", date: "2024-03-15", signatory: { name: null, title: null, place: null }, explanation: null, expectedVersion: 0 });
      expect(filed.content.figures.toRepay).toBe(p.amount_ore / 10);
      expect(filed.content.registration.decision).toBe("S2023/00488");
      expect(filed.content.repayment.payee).toBe("Kammarkollegiet");
      items.push(filed.content.part.appropriationItem!);
      if (hasPoppler && p.position === 1) {
        const text = pdfText(await closingDocumentFile(filed.content, "pdf"), "redovisning-skr-1");
        expect(text).toContain("18 God vård och folkhälsa");
        expect(text).toContain("S2023/00488 (2023-02-02)");
        expect(text).toContain("300 000 kr återbetalas till Kammarkollegiet senast 2024-03-31");
      }
    }
    expect(items).toEqual(["18", "5", "29", "3", "40"]);
  });
});
