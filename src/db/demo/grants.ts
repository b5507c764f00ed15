import { allocate } from "../../core/allocation";
import { parseAnnexText, type AnnexLine } from "../../core/grants/annex";
import { internalAllocationInput } from "../../core/grants/internal";
import type { Db } from "../connect";
import { compareAnnexWithKey, type AnnexComparison } from "../queries/grants-annex-comparison";
import { insertAgreement, insertDecision, decisionParts } from "../queries/grants-decisions";
import { saveAnnexDistribution } from "../queries/grants-distribution";
import { insertInternalDecision } from "../queries/grants-internal";
import { saveReceipt } from "../queries/grants-recipients";
import { populationDates } from "../queries/population";
import { SEED_002_AGREEMENT, SEED_003_AGREEMENT, seed002Annex1, seed002Annex2, seed002Parts, seed003Lines, seed003Metadata, seed003Part } from "./grants-seeds";

const kr = (kronor: number) => kronor * 100;

async function orgId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

/**
 * Where the demo's recipients are paid, so that their requisitions can be made: the organisation
 * numbers are the real ones; the bankgiro numbers are examples (valid check digits, not the
 * organisations' accounts), recorded by "exempeldata" like the rest of the demo.
 */
const demoPayees: Record<string, { organisationNumber: string; bankgiro: string }> = {
  "23": { organisationNumber: "232100-0214", bankgiro: "555-0009" },
  SKR: { organisationNumber: "222000-0315", bankgiro: "555-0017" },
};

async function insertDemoPayee(trx: Db, code: string): Promise<void> {
  const payee = demoPayees[code]!;
  const id = await orgId(trx, code);
  if (await trx.selectFrom("organisation_payment_details").select("organisation_id").where("organisation_id", "=", id).executeTakeFirst()) return;
  await trx
    .insertInto("organisation_payment_details")
    .values({ organisation_id: id, organisation_number: payee.organisationNumber, payee_kind: "bankgiro", payee_number: payee.bankgiro, bank: null, holder: null, updated_by: "exempeldata" })
    .execute();
}

/** Annex 1 says "utifrån folkmängden den 1 november 2022 enligt SCB". */
const ANNEX_1_KEY_DATE = "2022-11-01";

/**
 * Annex 1 beside its own key, the population of 2022-11-01, when the data has that day;
 * otherwise the latest day that covers every region, so the differences show how much another
 * population moves the amounts.
 */
async function populationComparison(db: Db, amount: number, lines: AnnexLine[]): Promise<AnnexComparison | null> {
  const dates = await populationDates(db);
  const tried = dates.includes(ANNEX_1_KEY_DATE) ? [ANNEX_1_KEY_DATE] : [...dates].sort().reverse();
  for (const date of tried) {
    try {
      return await compareAnnexWithKey(db, amount, lines, { kind: "population", date, basis: "membership" });
    } catch {
      // This date lacks a region; try an earlier one.
    }
  }
  return null;
}

async function loadSeed002(db: Db, adminId: number | null): Promise<void> {
  const regeringen = await orgId(db, "REGERINGEN");
  const annex1 = parseAnnexText(seed002Annex1, "regions", "S2023/00488 bilaga 1");
  const annex2 = parseAnnexText(seed002Annex2, "cooperation_regions", "S2023/00488 bilaga 2");
  const comparison1 = await populationComparison(db, kr(62_500_000), annex1);
  const comparison2 = await compareAnnexWithKey(db, kr(60_000_000), annex2, { kind: "equal" });
  await db.transaction().execute(async (trx) => {
    const agreementId = await insertAgreement(trx, { organisationId: regeringen, name: SEED_002_AGREEMENT, year: 2023, parties: ["Staten", "Sveriges Kommuner och Regioner (SKR)"], total: kr(226_000_000), diaryNumber: null }, adminId);
    const decisionId = await insertDecision(
      trx,
      {
        agreementId,
        organisationId: regeringen,
        title: `Utbetalning av medel i enlighet med överenskommelsen ${SEED_002_AGREEMENT}`,
        diaryNumber: "S2023/00488",
        decisionDate: "2023-02-02",
        ministry: "Socialdepartementet",
        payerCode: "KAMMARKOLLEGIET",
        signatories: ["Acko Ankarberg Johansson", "Evelina Björkegren"],
        total: kr(226_000_000),
        parts: seed002Parts,
      },
      adminId,
    );
    for (const part of await decisionParts(trx, [decisionId])) {
      if (part.recipientGroup === "skr") {
        await saveAnnexDistribution(trx, part.id, [{ recipientCode: "SKR", name: "SKR", amount: part.amount, line: 1 }], "S2023/00488, medel till SKR", null, adminId);
      } else if (part.recipientGroup === "regions") {
        await saveAnnexDistribution(trx, part.id, annex1, "S2023/00488 bilaga 1", comparison1, adminId);
      } else {
        await saveAnnexDistribution(trx, part.id, annex2, "S2023/00488 bilaga 2", comparison2, adminId);
      }
    }
    await trx.updateTable("grant_decisions").set({ status: "decided", decided_by: adminId, decided_at: new Date() }).where("id", "=", decisionId).execute();
    await trx.insertInto("audit_log").values({ action: "create", entity: "grant_decision", entity_id: String(decisionId), organisation_id: regeringen, username: "exempeldata", after: JSON.stringify({ diaryNumber: "S2023/00488" }) }).execute();
    await insertDemoPayee(trx, "SKR");
  });
}

async function loadSeed003(db: Db, adminId: number | null): Promise<void> {
  const jamtland = await orgId(db, "23");
  const received = kr(5_039_944);
  await db.transaction().execute(async (trx) => {
    // Only the strategic funds of the agreement appear in seed 003, so the register holds those 440 mkr.
    const agreementId = await insertAgreement(trx, { organisationId: jamtland, name: SEED_003_AGREEMENT, year: 2023, parties: ["Staten", "Sveriges Kommuner och Regioner (SKR)"], total: kr(440_000_000), diaryNumber: null }, adminId);
    const decisionId = await insertDecision(
      trx,
      {
        agreementId,
        organisationId: jamtland,
        title: "Strategiska medel från överenskommelsen om ökad tillgänglighet i hälso- och sjukvården 2023",
        diaryNumber: null,
        decisionDate: null,
        ministry: null,
        payerCode: null,
        signatories: [],
        total: kr(440_000_000),
        parts: [seed003Part],
      },
      adminId,
    );
    const [part] = await decisionParts(trx, [decisionId]);
    await saveAnnexDistribution(trx, part!.id, [{ recipientCode: "23", name: "Region Jämtland Härjedalen", amount: received, line: 1 }], "Region Jämtland Härjedalens beslut om strategiska medel", null, adminId);
    await trx.updateTable("grant_decisions").set({ status: "decided", decided_by: adminId, decided_at: new Date() }).where("id", "=", decisionId).execute();
    await saveReceipt(trx, part!.id, "23", {
      accountingObject: "9929",
      requisitionedOn: null,
      requisitioned: null,
      receivedOn: null,
      received,
      reportedOn: null,
      repaidOn: null,
      repaid: null,
      partialReportOn: null,
      finalReportOn: null,
      notes: "Erhållna strategiska medel enligt beslutet; utbetalningsdatum framgår inte av underlaget.",
    });
    const result = allocate(internalAllocationInput(received, seed003Lines));
    const internalId = await insertInternalDecision(
      trx,
      { partId: part!.id, organisationId: jamtland, title: "Fördelning av strategiska medel från överenskommelse om ökad tillgänglighet i hälso- och sjukvården 2023", total: received, metadata: seed003Metadata, lines: seed003Lines, result },
      adminId,
    );
    await trx.updateTable("grant_internal_decisions").set({ status: "decided", decided_by: adminId, decided_at: new Date() }).where("id", "=", internalId).execute();
    await trx.insertInto("audit_log").values({ action: "create", entity: "grant_internal_decision", entity_id: String(internalId), organisation_id: jamtland, username: "exempeldata", after: JSON.stringify({ total: received }) }).execute();
    await insertDemoPayee(trx, "23");
  });
}

/** Seeds 002 and 003 as grants, each once. Returns what it added. */
export async function loadDemoGrants(db: Db, log: (line: string) => void = () => {}): Promise<string[]> {
  const added: string[] = [];
  const admin = await db.selectFrom("users").select("id").where("is_admin", "=", true).orderBy("id").executeTakeFirst();
  for (const [name, load] of [
    [SEED_002_AGREEMENT, loadSeed002],
    [SEED_003_AGREEMENT, loadSeed003],
  ] as const) {
    if (await db.selectFrom("grant_agreements").select("id").where("name", "=", name).executeTakeFirst()) continue;
    await load(db, admin?.id ?? null);
    log(`  Statsbidrag: ${name}`);
    added.push(`Statsbidrag: ${name}`);
  }
  return added;
}
