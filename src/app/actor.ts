import type { Role } from "../core/roles";

/**
 * Who is acting: the user a use case checks access for and writes into the audit log. The
 * server builds it from the session, the CLI from the local operator (a system actor).
 */
export interface Actor {
  id: number | null;
  username: string;
  isAdmin: boolean;
  roles: { organisationId: number; role: Role }[];
}

/** The CLI's operator works on the machine that holds the data: full rights, logged by name. */
export function systemActor(username = "system"): Actor {
  return { id: null, username, isAdmin: true, roles: [] };
}
