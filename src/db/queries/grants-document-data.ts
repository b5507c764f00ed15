import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";
import type { GrantDecisionDocumentData, InternalDecisionDocumentData } from "../../core/grants/document-data";
import type { Distribution } from "../../core/grants/records";
import { getDecision } from "./grants-decisions";
import { getDistribution } from "./grants-distribution";
import { getInternalDecision } from "./grants-internal";

export type { GrantDecisionDocumentData, InternalDecisionDocumentData };

type Conn = Kysely<Database> | Transaction<Database>;

export async function grantDecisionDocumentData(db: Conn, id: number): Promise<GrantDecisionDocumentData | undefined> {
  const decision = await getDecision(db, id);
  if (!decision) return undefined;
  const distributions = new Map<number, Distribution>();
  for (const part of decision.parts) {
    const d = await getDistribution(db, part.id, part.amount);
    if (d) distributions.set(part.id, d);
  }
  return { decision, distributions };
}

export async function internalDecisionDocumentData(db: Conn, id: number): Promise<InternalDecisionDocumentData | undefined> {
  const internal = await getInternalDecision(db, id);
  if (!internal) return undefined;
  const owner = await db.selectFrom("grant_parts").select("decision_id").where("id", "=", internal.partId).executeTakeFirstOrThrow();
  const decision = (await getDecision(db, owner.decision_id))!;
  const part = decision.parts.find((p) => p.id === internal.partId)!;
  return { internal, decision, part };
}
