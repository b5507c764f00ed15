import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { createLedgerOrganisation } from "../../../test/helpers/ledger";
import { ConflictError, StaleRevisionError } from "../../core/errors";
import type { OpenDatabase } from "../../db/connect";
import type { Actor } from "../actor";
import { acceptAccountSuggestion } from "./accept-account-suggestion";
import { readAccountSuggestion } from "./read-account-suggestion";
import { saveFollowupPreferences } from "./save-followup-preferences";

// Two accepts of the same suggestion, or two saves of the same choices, at once: one wins, the
// other is refused with 409 and writes nothing. On PGlite and, with DATABASE_URL, PostgreSQL.

let opened: OpenDatabase;
let org: number;
let actor: Actor;

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  const { id } = await opened.db.insertInto("users").values({ username: "controller", display_name: "Controller", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  actor = { id, username: "controller", isAdmin: false, roles: [{ organisationId: org, role: "editor" }] };
  await opened.db
    .insertInto("ledger_accounts")
    .values([
      { organisation_id: org, account: "3010", name: "Solidarisk finansiering", account_type: "I" },
      { organisation_id: org, account: "4990", name: "Bidrag från EU", account_type: null },
    ])
    .execute();
});
afterAll(() => opened.close());

const audits = async (entity: string) => (await opened.db.selectFrom("audit_log").select("id").where("entity", "=", entity).execute()).length;

describe("follow-up settings under concurrent use", () => {
  it("accepts a suggestion once; the second accept is refused and adds nothing", async () => {
    const shown = await readAccountSuggestion(opened.db, actor, { organisationId: org });
    expect(shown.basis).toBe("3010:J,4990:I");
    const results = await Promise.allSettled([0, 1].map(() => acceptAccountSuggestion(opened.db, actor, { organisationId: org, basis: shown.basis })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect((refused.reason as ConflictError).code).toBe("nothing_to_accept");
    expect((await opened.db.selectFrom("ledger_account_classes").selectAll().where("organisation_id", "=", org).orderBy("account_from").execute()).map((r) => [r.account_from, r.class, r.joint_financing])).toEqual([
      ["3010", "income", true],
      ["4990", "income", false],
    ]);
    expect(await audits("ledger_account_classes")).toBe(1);
  });

  it("saves one of two saves based on the same revision; the other is stale", async () => {
    const results = await Promise.allSettled([["8938"], ["8925"]].map((codes) => saveFollowupPreferences(opened.db, actor, { organisationId: org, excludedProjects: codes, revision: 0 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(StaleRevisionError);
    const rows = await opened.db.selectFrom("user_preferences").select(["value", "revision"]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revision).toBe(1);
    expect(await audits("user_preferences")).toBe(1);
  });
});
