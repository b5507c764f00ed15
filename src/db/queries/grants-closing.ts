import { sumToOre } from "../../core/money";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Ore } from "../../core/allocation/types";
import { closeGrant, periodRange, type CarryForwardTerms, type ClosingInput, type ClosingResult, type LedgerCostLine, type ManualCostLine } from "../../core/grants/closing";
import { accountClassifier } from "../../core/followup/account-class";
import type { PaymentDetails } from "../../core/grants/payee";
import type { Database } from "../schema";
import type { GrantCarryForwardsTable } from "../schema-closing";
import { accountClassOverrides } from "./account-classes";

type Conn = Kysely<Database> | Transaction<Database>;

export type { PaymentDetails };

export async function paymentDetails(db: Conn, organisationId: number): Promise<PaymentDetails | null> {
  const r = await db.selectFrom("organisation_payment_details").selectAll().where("organisation_id", "=", organisationId).executeTakeFirst();
  if (!r) return null;
  return { organisationNumber: r.organisation_number, kind: r.payee_kind, number: r.payee_number, bank: r.bank, holder: r.holder, revision: r.revision, updatedBy: r.updated_by, updatedAt: r.updated_at };
}

/** Everything the closing documents name about one recipient's part. */
export interface ClosingContext {
  partId: number;
  position: number;
  purpose: string;
  partAmount: Ore;
  expenditureArea: string | null;
  appropriation: string | null;
  appropriationItem: string | null;
  appropriationItemName: string | null;
  oneTime: boolean;
  requisitionDeadline: string | null;
  reportDeadline: string | null;
  repaymentDeadline: string | null;
  decision: { id: number; title: string; diaryNumber: string | null; date: string | null; status: "draft" | "decided"; organisationId: number; year: number };
  agreement: { id: number; name: string; diaryNumber: string | null; year: number };
  recipient: { id: number; code: string; name: string; payment: PaymentDetails | null };
  payer: { code: string; name: string } | null;
  reportRecipient: { code: string; name: string } | null;
  repaymentRecipient: { code: string; name: string; payment: PaymentDetails | null } | null;
  entitled: Ore;
  receipt: { accountingObject: string | null; requisitionedOn: string | null; requisitioned: Ore | null; receivedOn: string | null; received: Ore | null; reportedOn: string | null; repaidOn: string | null; repaid: Ore | null } | null;
  /** The calendar year the decision's money is for: the decision's year, else the agreement's. */
  period: { from: string; to: string };
  latestRequisitionVersion: number;
  latestReportVersion: number;
}

async function orgByCode(db: Conn, code: string | null) {
  if (!code) return null;
  return (await db.selectFrom("organisations").select(["id", "code", "name"]).where("code", "=", code).executeTakeFirst()) ?? null;
}

export async function closingContext(db: Conn, partId: number, recipientCode: string): Promise<ClosingContext | null> {
  const row = await db
    .selectFrom("grant_entitlements as e")
    .innerJoin("grant_parts as p", "p.id", "e.part_id")
    .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
    .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
    .innerJoin("organisations as o", "o.code", "e.recipient_code")
    .leftJoin("grant_receipts as r", (j) => j.onRef("r.part_id", "=", "e.part_id").onRef("r.recipient_code", "=", "e.recipient_code"))
    .select([
      "p.id as part_id", "p.position", "p.purpose", "p.amount_ore as part_amount", "p.expenditure_area", "p.appropriation", "p.appropriation_item", "p.appropriation_item_name", "p.one_time",
      "p.requisition_deadline", "p.report_deadline", "p.repayment_deadline", "p.report_recipient_code", "p.repayment_recipient_code",
      "d.id as decision_id", "d.title as decision_title", "d.diary_number as decision_diary", "d.decision_date", "d.status", "d.organisation_id as decision_org", "d.payer_code",
      "a.id as agreement_id", "a.name as agreement_name", "a.diary_number as agreement_diary", "a.year as agreement_year",
      "o.id as org_id", "o.code as org_code", "o.name as org_name", "e.amount_ore as entitled",
      "r.accounting_object", "r.requisitioned_on", "r.requisition_ore", "r.received_on", "r.received_ore", "r.reported_on", "r.repaid_on", "r.repaid_ore", "r.part_id as receipt_part",
    ])
    .where("e.part_id", "=", partId)
    .where("e.recipient_code", "=", recipientCode)
    .executeTakeFirst();
  if (!row) return null;
  const year = row.decision_date ? Number(row.decision_date.slice(0, 4)) : row.agreement_year;
  const [payer, reportRecipient, repaymentRecipient, payment, versions] = await Promise.all([
    orgByCode(db, row.payer_code),
    orgByCode(db, row.report_recipient_code),
    orgByCode(db, row.repayment_recipient_code),
    paymentDetails(db, row.org_id),
    latestVersions(db, partId, recipientCode),
  ]);
  return {
    partId: row.part_id,
    position: row.position,
    purpose: row.purpose,
    partAmount: row.part_amount,
    expenditureArea: row.expenditure_area,
    appropriation: row.appropriation,
    appropriationItem: row.appropriation_item,
    appropriationItemName: row.appropriation_item_name,
    oneTime: row.one_time,
    requisitionDeadline: row.requisition_deadline,
    reportDeadline: row.report_deadline,
    repaymentDeadline: row.repayment_deadline,
    decision: { id: row.decision_id, title: row.decision_title, diaryNumber: row.decision_diary, date: row.decision_date, status: row.status, organisationId: row.decision_org, year },
    agreement: { id: row.agreement_id, name: row.agreement_name, diaryNumber: row.agreement_diary, year: row.agreement_year },
    recipient: { id: row.org_id, code: row.org_code, name: row.org_name, payment },
    payer: payer && { code: payer.code, name: payer.name },
    reportRecipient: reportRecipient && { code: reportRecipient.code, name: reportRecipient.name },
    repaymentRecipient: repaymentRecipient && { code: repaymentRecipient.code, name: repaymentRecipient.name, payment: await paymentDetails(db, repaymentRecipient.id) },
    entitled: row.entitled,
    receipt:
      row.receipt_part === null
        ? null
        : { accountingObject: row.accounting_object, requisitionedOn: row.requisitioned_on, requisitioned: row.requisition_ore, receivedOn: row.received_on, received: row.received_ore, reportedOn: row.reported_on, repaidOn: row.repaid_on, repaid: row.repaid_ore },
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    latestRequisitionVersion: versions.requisition,
    latestReportVersion: versions.report,
  };
}

/** The latest filed report's figures, to tell when the register has moved on since it was filed. */
export async function latestFiledFigures(db: Conn, partId: number, recipientCode: string): Promise<{ version: number; used: Ore; carriedForward: Ore; toRepay: Ore; received: Ore; carriedIn: Ore } | null> {
  const r = await db
    .selectFrom("grant_financial_reports")
    .select(["version", "used_ore", "carried_forward_ore", "to_repay_ore", "received_ore", "carried_in_ore"])
    .where("part_id", "=", partId)
    .where("recipient_code", "=", recipientCode)
    .orderBy("version", "desc")
    .executeTakeFirst();
  return r ? { version: r.version, used: r.used_ore, carriedForward: r.carried_forward_ore, toRepay: r.to_repay_ore, received: r.received_ore, carriedIn: r.carried_in_ore } : null;
}

export async function latestVersions(db: Conn, partId: number, recipientCode: string): Promise<{ requisition: number; report: number }> {
  const [req, rep] = await Promise.all([
    db.selectFrom("grant_requisitions").select((eb) => eb.fn.max("version").as("v")).where("part_id", "=", partId).where("recipient_code", "=", recipientCode).executeTakeFirst(),
    db.selectFrom("grant_financial_reports").select((eb) => eb.fn.max("version").as("v")).where("part_id", "=", partId).where("recipient_code", "=", recipientCode).executeTakeFirst(),
  ]);
  return { requisition: Number(req?.v ?? 0), report: Number(rep?.v ?? 0) };
}

/**
 * Costs on an accounting object per account and month from the ledger's live imports, matched the
 * way grant spending is fed from the ledger (cost centre, project or any dimension's object);
 * income and balance accounts are left out by the organisation's account classes.
 */
export async function objectCostLines(db: Conn, q: { organisationId: number; object: string }): Promise<LedgerCostLine[]> {
  const rows = await db
    .selectFrom("ledger_transactions as t")
    .innerJoin("ledger_imports as i", "i.id", "t.import_id")
    .leftJoin("ledger_accounts as a", (j) => j.onRef("a.organisation_id", "=", "i.organisation_id").onRef("a.account", "=", "t.account"))
    .select(["t.account", "t.period", sql<string | null>`max(a.name)`.as("name"), sql<string>`sum(t.amount_ore)`.as("s"), sql<string>`count(*)`.as("n")])
    .where("i.status", "=", "done")
    .where("i.organisation_id", "=", q.organisationId)
    .where((eb) => eb.or([eb("t.cost_centre", "=", q.object), eb("t.project", "=", q.object), eb(sql`t.objects @> ${JSON.stringify([{ code: q.object }])}::jsonb`, "=", sql`true`)]))
    .groupBy(["t.account", "t.period"])
    .orderBy("t.account")
    .orderBy("t.period")
    .execute();
  const classify = accountClassifier(await accountClassOverrides(db as Kysely<Database>, q.organisationId));
  return rows
    .filter((r) => {
      const c = classify(r.account).class;
      return c !== "income" && c !== "balance";
    })
    .map((r) => ({ account: r.account, accountName: r.name, period: r.period, amount: sumToOre(r.s), rows: Number(r.n) }))
    .filter((r) => r.amount !== 0 && r.period % 100 !== 0);
}

export async function manualCostLines(db: Conn, partId: number, recipientCode: string): Promise<ManualCostLine[]> {
  const rows = await db.selectFrom("grant_spending").select(["id", "spent_on", "amount_ore", "description"]).where("part_id", "=", partId).where("recipient_code", "=", recipientCode).where("source", "=", "manual").orderBy("spent_on").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, date: r.spent_on, amount: r.amount_ore, description: r.description }));
}

export interface CarryForwardRecord {
  id: number;
  fromPartId: number;
  toPartId: number;
  recipientCode: string;
  diaryNumber: string;
  decidedOn: string;
  newDeadline: string;
  cap: Ore | null;
  createdBy: string | null;
}

type CarryRow = Selectable<GrantCarryForwardsTable>;

function toCarry(r: CarryRow): CarryForwardRecord {
  return { id: r.id, fromPartId: r.from_part_id, toPartId: r.to_part_id, recipientCode: r.recipient_code, diaryNumber: r.diary_number, decidedOn: r.decided_on, newDeadline: r.new_deadline, cap: r.cap_ore, createdBy: r.created_by_name };
}

export async function carryForwardsOf(db: Conn, partId: number, recipientCode: string): Promise<{ out: CarryForwardRecord | null; in: CarryForwardRecord[] }> {
  const rows = await db
    .selectFrom("grant_carry_forwards")
    .selectAll()
    .where("recipient_code", "=", recipientCode)
    .where((eb) => eb.or([eb("from_part_id", "=", partId), eb("to_part_id", "=", partId)]))
    .orderBy("id")
    .execute();
  const all = rows.map(toCarry);
  return { out: all.find((c) => c.fromPartId === partId) ?? null, in: all.filter((c) => c.toPartId === partId) };
}

async function partTitle(db: Conn, partId: number): Promise<string> {
  const r = await db
    .selectFrom("grant_parts as p")
    .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
    .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
    .select(["p.position", "p.purpose", "a.name", "d.diary_number"])
    .where("p.id", "=", partId)
    .executeTakeFirstOrThrow();
  return `${r.name}${r.diary_number ? ` (${r.diary_number})` : ""}, del ${r.position}: ${r.purpose}`;
}

/** The other parts of the recipient booked on the same object: their years are theirs, not "outside the period". */
async function otherYearsOnObject(db: Conn, partId: number, recipientCode: string, object: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom("grant_receipts as r")
    .innerJoin("grant_parts as p", "p.id", "r.part_id")
    .innerJoin("grant_decisions as d", "d.id", "p.decision_id")
    .innerJoin("grant_agreements as a", "a.id", "d.agreement_id")
    .select(["d.decision_date", "a.year"])
    .where("r.recipient_code", "=", recipientCode)
    .where("r.accounting_object", "=", object)
    .where("r.part_id", "<>", partId)
    .execute();
  return new Set(rows.map((r) => (r.decision_date ? Number(r.decision_date.slice(0, 4)) : r.year)));
}

export interface Closing {
  context: ClosingContext;
  input: ClosingInput;
  result: ClosingResult;
  carryOut: (CarryForwardRecord & { toTitle: string }) | null;
  carryIn: (CarryForwardRecord & { fromTitle: string; amount: Ore })[];
}

/**
 * One recipient's part closed as of now: the ledger's costs on its object in the period, the manual
 * lines, money carried in from the year before and out to the next, and the checks. `depth`
 * bounds the walk back through carried-in years.
 */
export async function closingFor(db: Conn, partId: number, recipientCode: string, options: { explanation?: string | null; depth?: number } = {}): Promise<Closing | null> {
  const context = await closingContext(db, partId, recipientCode);
  if (!context) return null;
  const object = context.receipt?.accountingObject ?? null;
  const { from, to } = periodRange(context.period);
  let ledger: LedgerCostLine[] = [];
  let ledgerOutside: LedgerCostLine[] = [];
  if (object) {
    const lines = await objectCostLines(db, { organisationId: context.recipient.id, object });
    const others = await otherYearsOnObject(db, partId, recipientCode, object);
    ledger = lines.filter((l) => l.period >= from && l.period <= to);
    ledgerOutside = lines.filter((l) => (l.period < from || l.period > to) && !others.has(Math.floor(l.period / 100)));
  }
  const manual = await manualCostLines(db, partId, recipientCode);
  const carries = await carryForwardsOf(db, partId, recipientCode);
  const depth = options.depth ?? 0;
  const carryIn: Closing["carryIn"] = [];
  for (const c of carries.in) {
    // Live, not from the earlier year's filed report: the consent often comes after that report.
    const amount = depth < 10 ? ((await closingFor(db, c.fromPartId, recipientCode, { depth: depth + 1 }))?.result.figures.carriedForward ?? 0) : 0;
    carryIn.push({ ...c, fromTitle: await partTitle(db, c.fromPartId), amount });
  }
  const carryOut = carries.out ? { ...carries.out, toTitle: await partTitle(db, carries.out.toPartId) } : null;
  const carryForward: CarryForwardTerms | null = carryOut && { diaryNumber: carryOut.diaryNumber, decidedOn: carryOut.decidedOn, newDeadline: carryOut.newDeadline, cap: carryOut.cap, toTitle: carryOut.toTitle };
  const input: ClosingInput = {
    recipientName: context.recipient.name,
    partLabel: `Del ${context.position} (${context.purpose})`,
    period: context.period,
    accountingObject: object,
    received: context.receipt?.received ?? null,
    carriedIn: carryIn.reduce((s, c) => s + c.amount, 0),
    ledger,
    ledgerOutside,
    manual,
    explanation: options.explanation ?? null,
    carryForward,
    repaid: context.receipt?.repaid ?? 0,
  };
  return { context, input, result: closeGrant(input), carryOut, carryIn };
}
