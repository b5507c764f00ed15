import type { Role } from "../../core/roles";

/** One of the signed-in user's roles, with the organisation named (the web's menus show it). */
export interface UserRole {
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  role: Role;
}

/** The signed-in user as the session holds it and GET /api/auth/me sends it. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  roles: UserRole[];
}
