import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";

/** Who wrote an audit row: any actor, or just an id and a name (a login before a session exists). */
export interface AuditActor {
  id: number | null;
  username: string;
}

export interface AuditEvent {
  action: "create" | "update" | "delete" | "decide" | "import" | "login" | "logout" | "export" | (string & {});
  entity: string;
  entityId?: string | number;
  organisationId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records who changed what, with the state before and after. Call it inside the same
 * transaction as the change, so the log never disagrees with the data.
 */
export async function writeAudit(db: Kysely<Database> | Transaction<Database>, actor: AuditActor | null, event: AuditEvent): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      user_id: actor?.id ?? null,
      username: actor?.username ?? null,
      organisation_id: event.organisationId ?? null,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId === undefined ? null : String(event.entityId),
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}
