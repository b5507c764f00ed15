/** One entry of the audit log as the API, the export and the web see it. */
export interface AuditEntry {
  id: number;
  /** ISO 8601 in UTC. */
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  organisationId: number | null;
  before: unknown;
  after: unknown;
  /** The entry's link in the hash chain (hex sha256). */
  hash: string;
}

/** What the audit page and its export narrow the log to; every part is optional. */
export interface AuditFilter {
  username?: string;
  userId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  /** Days "YYYY-MM-DD", both included, in Swedish time. */
  from?: string;
  to?: string;
}
