import { requestJson } from "../../api/client";
import type { Role } from "../../api/types";
import type { SessionView, UserView } from "../../../app/users/user-view";

export type ManagedUser = UserView;
export type ManagedUserDetail = UserView & { sessions: SessionView[] };

export const usersApi = {
  list: (search: string, includeDeactivated: boolean) =>
    requestJson<ManagedUser[]>("GET", `/api/users?search=${encodeURIComponent(search)}&includeDeactivated=${includeDeactivated}`),
  get: (id: number) => requestJson<ManagedUserDetail>("GET", `/api/users/${id}`),
  add: (input: { username: string; displayName?: string; isAdmin?: boolean; roles: { organisationCode: string; role: Role }[] }) =>
    requestJson<{ user: ManagedUser; oneTimePassword: string }>("POST", "/api/users", input),
  setRole: (id: number, organisationId: number, role: Role, revision: number) => requestJson<ManagedUser>("PUT", `/api/users/${id}/roles/${organisationId}`, { role, revision }),
  removeRole: (id: number, organisationId: number, revision: number) => requestJson<ManagedUser>("DELETE", `/api/users/${id}/roles/${organisationId}`, { revision }),
  resetPassword: (id: number, revision: number) =>
    requestJson<{ user: ManagedUser; oneTimePassword: string; endedSessions: number }>("POST", `/api/users/${id}/reset-password`, { revision }),
  deactivate: (id: number, revision: number) => requestJson<ManagedUser>("POST", `/api/users/${id}/deactivate`, { revision }),
  reactivate: (id: number, revision: number) => requestJson<ManagedUser>("POST", `/api/users/${id}/reactivate`, { revision }),
  endSessions: (id: number, sessionId?: string) => requestJson<{ ended: number }>("POST", `/api/users/${id}/end-sessions`, sessionId ? { sessionId } : {}),
};

/** May this user open the user administration at all (the server decides each change). */
export const managesUsers = (user: { isAdmin: boolean; roles: { role: Role }[] }) => user.isAdmin || user.roles.some((r) => r.role === "admin");

export type { SsoRuleView as SsoRule } from "../../../app/sso/rule-view";
import type { SsoRuleView } from "../../../app/sso/rule-view";
import type { RuleOperator } from "../../../core/sso/claim-rules";

export interface SsoRuleInput {
  claim: string;
  operator: RuleOperator;
  value: string;
  organisationCode: string;
  role: Role;
  position?: number;
}

export const ssoRulesApi = {
  list: () => requestJson<SsoRuleView[]>("GET", "/api/sso/rules"),
  add: (input: SsoRuleInput) => requestJson<SsoRuleView>("POST", "/api/sso/rules", input),
  update: (id: number, input: SsoRuleInput & { revision: number }) => requestJson<SsoRuleView>("PUT", `/api/sso/rules/${id}`, input),
  remove: (id: number, revision: number) => requestJson<{ ok: boolean }>("DELETE", `/api/sso/rules/${id}`, { revision }),
};
