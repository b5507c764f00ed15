import type { Role } from "../src/core/roles";

/**
 * Who may call each operation of the API: the expected answer of every cell of the
 * authorisation matrix (test/api/authorization-matrix.test.ts), one row per operation of
 * /api/openapi.json. The test fails when an operation is missing here, so a new operation
 * gets its row in the same commit.
 *
 * A row is one of:
 * - "public": anyone, also without logging in (a login with a wrong password still answers 401).
 * - "signed-in": every logged-in user, whatever the organisation (lists filter by themselves).
 * - "system-admin": only a system administrator (users.is_admin).
 * - { own, other }: the least role a user needs in the organisation the record or request
 *   belongs to ("own"), and the least role in *another* organisation that still lets them
 *   (for public information such as a decided record; "nobody" when only the owner may).
 *
 * The matrix persons: anonymous; reader, editor, approver and admin of organisation A; and a
 * system administrator. Each calls the operation on organisation A's record ("own") and on
 * organisation B's ("other"). An allowed call may still answer 400/404/409 (the test's sample
 * body or the record's state), never 401/403; a refused one answers 401 (anonymous) or 403/404.
 */
export type Access = "public" | "signed-in" | "system-admin" | { own: Role; other: Role | "nobody" };

const ownReader = { own: "reader", other: "nobody" } as const;
const ownEditor = { own: "editor", other: "nobody" } as const;
const ownApprover = { own: "approver", other: "nobody" } as const;
const ownAdmin = { own: "admin", other: "nobody" } as const;

export const authorizationMatrix: Record<string, Access> = {
  "GET /api/health": "public",
  "POST /api/auth/login": "public",
  "GET /api/auth/me": "signed-in",
  "POST /api/auth/logout": "public",
  "POST /api/auth/password": "signed-in",
  // Single sign-on (issue 11 item 3): the login page asks whether it is on, the browser starts
  // and finishes the sign-in before it has a session; the rules are the system's.
  "GET /api/auth/oidc": "public",
  "GET /api/auth/oidc/start": "public",
  "GET /api/auth/oidc/callback": "public",
  "GET /api/sso/rules": "system-admin",
  "POST /api/sso/rules": "system-admin",
  "PUT /api/sso/rules/{id}": "system-admin",
  "DELETE /api/sso/rules/{id}": "system-admin",
  "GET /api/organisations": "signed-in",
  // User administration (f-security).
  "GET /api/users": { own: "admin", other: "admin" },
  "POST /api/users": ownAdmin,
  "GET /api/users/{id}": "system-admin",
  "PUT /api/users/{id}/roles/{organisationId}": "system-admin",
  "DELETE /api/users/{id}/roles/{organisationId}": "system-admin",
  "POST /api/users/{id}/reset-password": "system-admin",
  "POST /api/users/{id}/deactivate": "system-admin",
  "POST /api/users/{id}/reactivate": "system-admin",
  "POST /api/users/{id}/end-sessions": "system-admin",

  "POST /api/population/import": "system-admin",
  "GET /api/population/dates": "signed-in",
  "GET /api/population": "signed-in",
  "GET /api/population/coverage": "signed-in",

  "POST /api/allocations/preview": "signed-in",
  "POST /api/allocations": ownEditor,
  "GET /api/allocations": "signed-in",
  "GET /api/allocations/{id}": ownReader,
  "PUT /api/allocations/{id}": ownEditor,
  "POST /api/allocations/{id}/decide": ownApprover,
  "POST /api/allocations/{id}/versions": ownEditor,
  "GET /api/allocations/{id}/export.xlsx": ownReader,
  "GET /api/allocations/{id}/export.csv": ownReader,
  "GET /api/documents/allocations/{id}/{format}": ownReader,

  "GET /api/audit": "system-admin",
  "GET /api/audit/export.csv": "system-admin",
  "GET /api/audit/export.xlsx": "system-admin",
  "GET /api/audit/verify": "system-admin",

  "GET /api/grants/agreements": "signed-in",
  "POST /api/grants/agreements": ownEditor,
  "GET /api/grants/agreements/{id}": "signed-in",
  "PUT /api/grants/agreements/{id}": ownEditor,
  "GET /api/grants/decisions": "signed-in",
  "POST /api/grants/decisions/check": "signed-in",
  "POST /api/grants/decisions": ownEditor,
  "GET /api/grants/decisions/{id}": "signed-in",
  "PUT /api/grants/decisions/{id}": ownEditor,
  "POST /api/grants/decisions/{id}/decide": ownApprover,
  "GET /api/grants/parts/{id}/distribution": "signed-in",
  "POST /api/grants/parts/{id}/distribution/preview": "signed-in",
  "PUT /api/grants/parts/{id}/distribution/key": ownEditor,
  "POST /api/grants/parts/{id}/distribution/annex/parse": "signed-in",
  "PUT /api/grants/parts/{id}/distribution/annex": ownEditor,
  "POST /api/grants/parts/{id}/distribution/annex/import": ownEditor,
  "GET /api/grants/parts/{id}/distribution.xlsx": "signed-in",
  "GET /api/grants/recipients/{code}": ownReader,
  "GET /api/grants/parts/{id}/recipients/{code}": ownReader,
  "PUT /api/grants/parts/{id}/recipients/{code}/receipt": ownEditor,
  "POST /api/grants/parts/{id}/recipients/{code}/spending": ownEditor,
  "DELETE /api/grants/spending/{id}": ownEditor,
  "GET /api/grants/internal-decisions": "signed-in",
  "POST /api/grants/internal-decisions": ownEditor,
  "POST /api/grants/internal-decisions/preview": "signed-in",
  "GET /api/grants/internal-decisions/{id}": ownReader,
  "PUT /api/grants/internal-decisions/{id}": ownEditor,
  "POST /api/grants/internal-decisions/{id}/decide": ownApprover,
  "POST /api/grants/internal-decisions/{id}/versions": ownEditor,
  "GET /api/documents/grant-decisions/{id}/{format}": "signed-in",
  "GET /api/documents/internal-decisions/{id}/{format}": ownReader,
  // A decision's deadlines are public; which fields of another recipient's status a reader sees
  // is decided per field (issue 9 item 6) and tested with the grant routes, not here.
  "GET /api/grants/deadlines": "signed-in",
  "GET /api/grants/deadlines.ics": "signed-in",
  "GET /api/grants/deadlines.xlsx": "signed-in",
  "GET /api/grants/deadlines/mine": "signed-in",
  "GET /api/grants/reminder-settings/me": "signed-in",
  "PUT /api/grants/reminder-settings/me": "signed-in",
  "GET /api/grants/reminder-settings/organisations/{code}": ownReader,
  "PUT /api/grants/reminder-settings/organisations/{code}": ownAdmin,

  // Closing a grant (c-closing): the recipient's requisitions, reports and carry-forward.
  "GET /api/grants/organisations/{code}/closing": ownReader,
  "PUT /api/grants/organisations/{code}/payment-details": ownEditor,
  "GET /api/grants/parts/{id}/recipients/{code}/financial-report": ownReader,
  "POST /api/grants/parts/{id}/recipients/{code}/requisitions": ownEditor,
  "POST /api/grants/parts/{id}/recipients/{code}/financial-reports": ownEditor,
  "POST /api/grants/parts/{id}/recipients/{code}/carry-forward": ownEditor,
  "GET /api/grants/parts/{id}/recipients/{code}/closing-documents": ownReader,
  "GET /api/documents/grant-requisitions/{id}/{format}": ownReader,
  "GET /api/documents/grant-financial-reports/{id}/{format}": ownReader,

  "POST /api/budget-proposals/calculate": "signed-in",
  "GET /api/index-series": "signed-in",
  "GET /api/index-series/{code}": "signed-in",
  "PUT /api/index-series/{code}": { own: "editor", other: "editor" },
};

// The four budget document kinds share one set of operations and one rule each.
for (const kind of ["budgets", "frame-changes", "joint-financings", "subscriptions"]) {
  Object.assign(authorizationMatrix, {
    [`POST /api/${kind}/check`]: "signed-in",
    [`GET /api/${kind}`]: "signed-in",
    [`POST /api/${kind}`]: ownEditor,
    [`GET /api/${kind}/{id}`]: ownReader,
    [`PUT /api/${kind}/{id}`]: ownEditor,
    [`POST /api/${kind}/{id}/decide`]: ownApprover,
    [`POST /api/${kind}/{id}/versions`]: ownEditor,
    [`GET /api/${kind}/{id}/document/{format}`]: ownReader,
  } satisfies Record<string, Access>);
}

Object.assign(authorizationMatrix, {
  "POST /api/ledger/imports/sie": ownEditor,
  "GET /api/ledger/jobs/{jobId}": ownReader,
  "GET /api/ledger/jobs": ownReader,
  "POST /api/ledger/imports/csv": ownEditor,
  "GET /api/ledger/imports": ownReader,
  "GET /api/ledger/imports/{id}": ownReader,
  "POST /api/ledger/imports/{id}/make-current": ownEditor,
  "GET /api/ledger/csv-mappings": ownReader,
  "PUT /api/ledger/csv-mappings": ownEditor,
  "GET /api/ledger/account-classes": ownReader,
  "PUT /api/ledger/account-classes": ownEditor,
  "GET /api/ledger/object-links": ownReader,
  "PUT /api/ledger/object-links": ownEditor,
  // The annual report's registers (issue 12 item 7): the organisation's own.
  "GET /api/registers": ownReader,
  "PUT /api/registers/nhv-permits": ownEditor,
  "DELETE /api/registers/nhv-permits": ownEditor,
  "PUT /api/registers/assignments": ownEditor,
  "DELETE /api/registers/assignments": ownEditor,
  "GET /api/ledger/chart": ownReader,
  "GET /api/ledger/budget.sie": ownReader,
  "GET /api/followup/budget-vs-outcome": ownReader,
  "GET /api/followup/transactions": ownReader,
  "GET /api/followup/project-accounts": ownReader,
  "GET /api/followup/annual-report": ownReader,
  "POST /api/followup/narrative-check": ownReader,
  "GET /api/followup/object-costs": ownReader,
  "POST /api/followup/grant-spending": ownEditor,
  "GET /api/followup/account-suggestion": ownReader,
  "POST /api/followup/account-suggestion/accept": ownEditor,
  // A user's own remembered choices: any role in the organisation may keep them.
  "GET /api/followup/preferences": ownReader,
  "PUT /api/followup/preferences": ownReader,
} satisfies Record<string, Access>);
