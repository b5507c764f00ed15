import type { Kysely } from "kysely";
import type { Role } from "../../core/roles";
import type { Database } from "../../db/schema";

/** A user as the administration pages, the API and the CLI show it. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  active: boolean;
  deactivatedAt: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  activeSessions: number;
  /** Signs in through the identity provider (single sign-on): the roles follow its rules at every sign-in. */
  singleSignOn: boolean;
  roles: { organisationId: number; organisationCode: string; organisationName: string; role: Role }[];
}

export interface SessionView {
  /** The first characters of the token's hash: enough to name one session, useless to open it. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function userViews(db: Kysely<Database>, ids: number[]): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const users = await db
    .selectFrom("users")
    .select(["id", "username", "display_name", "is_admin", "must_change_password", "deactivated_at", "revision", "updated_at", "updated_by", "sso_subject"])
    .where("id", "in", ids)
    .orderBy("username")
    .execute();
  const roles = await db
    .selectFrom("user_roles")
    .innerJoin("organisations", "organisations.id", "user_roles.organisation_id")
    .select(["user_roles.user_id", "organisations.id as organisationId", "organisations.code as organisationCode", "organisations.name as organisationName", "user_roles.role"])
    .where("user_roles.user_id", "in", ids)
    .orderBy("organisations.name")
    .execute();
  const now = new Date();
  const sessions = await db
    .selectFrom("sessions")
    .select(["user_id", db.fn.countAll<string>().as("n")])
    .where("user_id", "in", ids)
    .where("expires_at", ">", now)
    .groupBy("user_id")
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    isAdmin: u.is_admin,
    mustChangePassword: u.must_change_password,
    active: u.deactivated_at === null,
    deactivatedAt: iso(u.deactivated_at),
    revision: u.revision,
    updatedAt: iso(u.updated_at)!,
    updatedBy: u.updated_by,
    activeSessions: Number(sessions.find((s) => s.user_id === u.id)?.n ?? 0),
    singleSignOn: u.sso_subject !== null,
    roles: roles.filter((r) => r.user_id === u.id).map(({ organisationId, organisationCode, organisationName, role }) => ({ organisationId, organisationCode, organisationName, role })),
  }));
}

export async function sessionViews(db: Kysely<Database>, userId: number): Promise<SessionView[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["token_hash", "created_at", "last_seen_at", "expires_at", "client_address", "user_agent"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date())
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((s) => ({
    id: s.token_hash.slice(0, 12),
    createdAt: iso(s.created_at)!,
    lastSeenAt: iso(s.last_seen_at)!,
    expiresAt: iso(s.expires_at)!,
    clientAddress: s.client_address,
    userAgent: s.user_agent,
  }));
}
