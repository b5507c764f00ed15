import { ConflictError, NotFoundError } from "../../core/errors";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import type { Role } from "../../core/roles";
import type { Db } from "../../db/connect";
import { closingFor, type Closing } from "../../db/queries/grants-closing";
import type { Trx } from "../transaction";

/**
 * A recipient's part as the recipient's own staff see it: its figures are the recipient's, so a
 * role in the recipient organisation is needed; a draft decision has nothing to close yet.
 */
export async function recipientClosing(db: Db | Trx, actor: Actor, partId: number, recipientCode: string, needed: Role, options: { explanation?: string | null } = {}): Promise<Closing> {
  const closing = await closingFor(db, partId, recipientCode, options);
  if (!closing) throw new NotFoundError(`Organisationen ${recipientCode} har inget belopp i beslutsdel ${partId}.`);
  requireRole(actor, closing.context.recipient.id, needed);
  if (closing.context.decision.status !== "decided") throw new ConflictError(`Beslutet för del ${partId} är ett utkast; rekvisition och redovisning görs först när det är fastställt.`, "draft");
  return closing;
}
