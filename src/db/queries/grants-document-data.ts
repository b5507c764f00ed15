import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";
import { getDecision, type Decision, type Part } from "./grants-decisions";
import { getDistribution, type Distribution } from "./grants-distribution";
import { getInternalDecision, type InternalDecision } from "./grants-internal";

type Conn = Kysely<Database> | Transaction<Database>;

/** A government decision with each part's distribution, as its decision document needs them. */
export interface GrantDecisionDocumentData {
  decision: Decision;
  /** Keyed by part id; a part without a saved distribution is absent. */
  distributions: Map<number, Distribution>;
}

/** An internal decision with the part and the government decision it allocates. */
export interface InternalDecisionDocumentData {
  internal: InternalDecision;
  decision: Decision;
  part: Part;
}

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
