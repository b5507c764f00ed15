import { createContext, useContext } from "react";
import type { Role, User } from "./api/types";

export interface SessionValue {
  user: User;
  /** Reloads the user from /api/auth/me, after a password change say. */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | undefined>(undefined);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession används utanför en inloggad session");
  return value;
}

// Mirrors src/server/access.ts: each role includes the ones before it; admins may do everything.
const rank: Record<Role, number> = { reader: 1, editor: 2, approver: 3, admin: 4 };

export function can(user: User, organisationId: number, needed: Role): boolean {
  if (user.isAdmin) return true;
  const role = user.roles.find((r) => r.organisationId === organisationId)?.role;
  return role !== undefined && rank[role] >= rank[needed];
}
