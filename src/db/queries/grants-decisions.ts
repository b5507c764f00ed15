import { sumToOre } from "../../core/money";
import type { Kysely, Transaction } from "kysely";
import { checkParts } from "../../core/grants/parts-check";
import type { ActivityReport, RecipientGroup } from "../../core/grants/types";
import type { Ore } from "../../core/allocation/types";
import type { AgreementInput, Agreement, PartInput, Part, DecisionInput, Decision } from "../../core/grants/records";
import type { Database } from "../schema";

type Conn = Kysely<Database> | Transaction<Database>;

export type { AgreementInput, Agreement, PartInput, Part, DecisionInput, Decision } from "../../core/grants/records";

/** An agreement's own fields as columns: the same for a new agreement and a change. */
function agreementColumns(input: Omit<AgreementInput, "organisationId">) {
  return { name: input.name, year: input.year, parties: JSON.stringify(input.parties), total_ore: input.total, diary_number: input.diaryNumber };
}

export async function insertAgreement(db: Conn, input: AgreementInput, userId: number | null, userName: string | null = null): Promise<number> {
  const row = await db
    .insertInto("grant_agreements")
    .values({ ...agreementColumns(input), organisation_id: input.organisationId, created_by: userId, updated_by: userName })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a change and moves the revision on; the caller has checked the revision under a row lock. */
export async function updateAgreement(db: Conn, id: number, input: Omit<AgreementInput, "organisationId">, userName: string | null = null): Promise<void> {
  await db
    .updateTable("grant_agreements")
    .set((eb) => ({ ...agreementColumns(input), updated_at: new Date(), updated_by: userName, revision: eb("revision", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function listAgreements(db: Conn, id?: number): Promise<Agreement[]> {
  const rows = await db
    .selectFrom("grant_agreements as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("grant_decisions as d", "d.agreement_id", "a.id")
    .select(["a.id", "a.organisation_id", "o.name as organisation_name", "a.name", "a.year", "a.parties", "a.total_ore", "a.diary_number", "a.revision", "a.updated_by", "a.updated_at"])
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<string>("d.total_ore"), eb.lit(0)).as("decided_total"), eb.fn.count<string>("d.id").as("decision_count")])
    .groupBy(["a.id", "o.name"])
    .$if(id !== undefined, (q) => q.where("a.id", "=", id!))
    .orderBy("a.year", "desc")
    .orderBy("a.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    name: r.name,
    year: r.year,
    parties: r.parties,
    total: r.total_ore,
    diaryNumber: r.diary_number,
    decidedTotal: sumToOre(r.decided_total),
    decisionCount: Number(r.decision_count),
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function getAgreement(db: Conn, id: number): Promise<Agreement | undefined> {
  return (await listAgreements(db, id))[0];
}

function partValues(decisionId: number, part: PartInput, position: number) {
  return {
    decision_id: decisionId,
    position,
    recipient_group: part.recipientGroup,
    purpose: part.purpose,
    amount_ore: part.amount,
    expenditure_area: part.expenditureArea,
    appropriation: part.appropriation,
    appropriation_item: part.appropriationItem,
    appropriation_item_name: part.appropriationItemName,
    one_time: part.oneTime,
    requisition_deadline: part.requisitionDeadline,
    report_deadline: part.reportDeadline,
    report_recipient_code: part.reportRecipientCode,
    repayment_deadline: part.repaymentDeadline,
    repayment_recipient_code: part.repaymentRecipientCode,
    activity_reports: JSON.stringify(part.activityReports),
  };
}

/** A decision's own fields as columns: the same for a new decision and a changed draft. */
function decisionColumns(input: Omit<DecisionInput, "organisationId" | "parts">) {
  return {
    agreement_id: input.agreementId,
    title: input.title,
    diary_number: input.diaryNumber,
    decision_date: input.decisionDate,
    ministry: input.ministry,
    payer_code: input.payerCode,
    signatories: JSON.stringify(input.signatories),
    total_ore: input.total,
  };
}

export async function insertDecision(db: Conn, input: DecisionInput, userId: number | null, userName: string | null = null): Promise<number> {
  const { id } = await db
    .insertInto("grant_decisions")
    .values({ ...decisionColumns(input), organisation_id: input.organisationId, created_by: userId, updated_by: userName })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceParts(db, id, input.parts);
  return id;
}

/** Updates a draft's fields and parts. Parts keep their id (and distribution) when the input names it. */
export async function updateDecision(db: Conn, id: number, input: Omit<DecisionInput, "organisationId">, userName: string | null = null): Promise<void> {
  await db
    .updateTable("grant_decisions")
    .set((eb) => ({ ...decisionColumns(input), updated_at: new Date(), updated_by: userName, revision: eb("revision", "+", 1) }))
    .where("id", "=", id)
    .execute();
  await replaceParts(db, id, input.parts);
}

async function replaceParts(db: Conn, decisionId: number, parts: PartInput[]): Promise<void> {
  const keep = parts.map((p) => p.id).filter((x): x is number => x !== undefined);
  let del = db.deleteFrom("grant_parts").where("decision_id", "=", decisionId);
  if (keep.length > 0) del = del.where("id", "not in", keep);
  await del.execute();
  // Positions move out of the way first: the unique (decision, position) must hold after each statement.
  await db.updateTable("grant_parts").set((eb) => ({ position: eb("position", "+", 100_000) })).where("decision_id", "=", decisionId).execute();
  for (const [i, part] of parts.entries()) {
    const values = partValues(decisionId, part, i + 1);
    if (part.id !== undefined) {
      await db.updateTable("grant_parts").set(values).where("id", "=", part.id).where("decision_id", "=", decisionId).execute();
    } else {
      await db.insertInto("grant_parts").values(values).execute();
    }
  }
}

export async function decisionParts(db: Conn, decisionIds: number[]): Promise<Part[]> {
  if (decisionIds.length === 0) return [];
  const rows = await db
    .selectFrom("grant_parts as p")
    .leftJoin("organisations as rr", "rr.code", "p.report_recipient_code")
    .leftJoin("organisations as pr", "pr.code", "p.repayment_recipient_code")
    .leftJoin("grant_distributions as gd", "gd.part_id", "p.id")
    .selectAll("p")
    .select(["rr.name as report_recipient_name", "pr.name as repayment_recipient_name", "gd.mode as distribution_mode"])
    .select((eb) =>
      eb
        .selectFrom("grant_entitlements as e")
        .select((e) => e.fn.coalesce(e.fn.sum<string>("e.amount_ore"), e.lit(0)).as("s"))
        .whereRef("e.part_id", "=", "p.id")
        .as("distributed_total"),
    )
    .where("p.decision_id", "in", decisionIds)
    .orderBy("p.decision_id")
    .orderBy("p.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    position: r.position,
    recipientGroup: r.recipient_group,
    purpose: r.purpose,
    amount: r.amount_ore,
    expenditureArea: r.expenditure_area,
    appropriation: r.appropriation,
    appropriationItem: r.appropriation_item,
    appropriationItemName: r.appropriation_item_name,
    oneTime: r.one_time,
    requisitionDeadline: r.requisition_deadline,
    reportDeadline: r.report_deadline,
    reportRecipientCode: r.report_recipient_code,
    reportRecipientName: r.report_recipient_name,
    repaymentDeadline: r.repayment_deadline,
    repaymentRecipientCode: r.repayment_recipient_code,
    repaymentRecipientName: r.repayment_recipient_name,
    activityReports: r.activity_reports as ActivityReport[],
    distributedTotal: sumToOre(r.distributed_total),
    distributionMode: r.distribution_mode ?? null,
  }));
}

function decisionQuery(db: Conn) {
  return db
    .selectFrom("grant_decisions as d")
    .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .leftJoin("organisations as payer", "payer.code", "d.payer_code")
    .leftJoin("users as du", "du.id", "d.decided_by")
    .selectAll("d")
    .select(["a.name as agreement_name", "o.name as organisation_name", "payer.name as payer_name", "du.display_name as decided_by_name"]);
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>["executeTakeFirstOrThrow"]>>;

function toDecision(r: DecisionRow, parts: Part[]): Decision {
  const own = parts.filter((p) => p.decisionId === r.id);
  return {
    id: r.id,
    agreementId: r.agreement_id,
    agreementName: r.agreement_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    title: r.title,
    diaryNumber: r.diary_number,
    decisionDate: r.decision_date,
    ministry: r.ministry,
    payerCode: r.payer_code,
    payerName: r.payer_name,
    signatories: r.signatories,
    total: r.total_ore,
    status: r.status,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedBy: r.decided_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    parts: own,
    check: checkParts(r.total_ore, own),
  };
}

export async function getDecision(db: Conn, id: number): Promise<Decision | undefined> {
  const row = await decisionQuery(db).where("d.id", "=", id).executeTakeFirst();
  return row ? toDecision(row, await decisionParts(db, [id])) : undefined;
}

/** Decided decisions of everyone, drafts only of the given organisations. */
export async function listDecisions(db: Conn, draftOrganisations: number[] | "all", agreementId?: number): Promise<Decision[]> {
  let q = decisionQuery(db).orderBy("d.decision_date", "desc").orderBy("d.id", "desc");
  if (agreementId !== undefined) q = q.where("d.agreement_id", "=", agreementId);
  if (draftOrganisations !== "all") {
    const ids = draftOrganisations.length > 0 ? draftOrganisations : [-1];
    q = q.where((eb) => eb.or([eb("d.status", "=", "decided"), eb("d.organisation_id", "in", ids)]));
  }
  const rows = await q.execute();
  const parts = await decisionParts(db, rows.map((r) => r.id));
  return rows.map((r) => toDecision(r, parts));
}

/** The decision and owning organisation a part belongs to. */
export async function partOwner(db: Conn, partId: number): Promise<{ partId: number; decisionId: number; organisationId: number; status: "draft" | "decided"; amount: Ore; recipientGroup: RecipientGroup } | undefined> {
  const row = await db
    .selectFrom("grant_parts as p")
    .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
    .select(["p.id", "p.decision_id", "d.organisation_id", "d.status", "p.amount_ore", "p.recipient_group"])
    .where("p.id", "=", partId)
    .executeTakeFirst();
  return row ? { partId: row.id, decisionId: row.decision_id, organisationId: row.organisation_id, status: row.status, amount: row.amount_ore, recipientGroup: row.recipient_group } : undefined;
}
