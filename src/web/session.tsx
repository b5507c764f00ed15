import { createContext, useContext } from "react";
import { roleAtLeast } from "../core/roles";
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

// The same rule as src/app/access.ts: each role includes the ones before it; admins may do everything.
export function can(user: User, organisationId: number, needed: Role): boolean {
  if (user.isAdmin) return true;
  return roleAtLeast(user.roles.find((r) => r.organisationId === organisationId)?.role, needed);
}
