import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import { createLedgerOrganisation } from "../../../test/helpers/ledger";
import { ForbiddenError } from "../../core/errors";
import type { OpenDatabase } from "../../db/connect";
import type { Actor } from "../actor";
import { readRegisters } from "./read-registers";
import { deleteRegisterRow, saveRegisterRow } from "./save-register-row";

let opened: OpenDatabase;
let org: number;
let other: number;
const actor = (organisationId: number, role: "reader" | "editor", username = `${role}-${organisationId}`): Actor => ({ id: null, username, isAdmin: false, roles: [{ organisationId, role }] });

const pacemaker = { careArea: "Extraktion av pacemakerutrustning", applicationPhase: "2023-03-08", outcome: "granted" as const, startDate: "2024-01-01", principal: "Sus" };

beforeAll(async () => {
  opened = await createTestDatabase();
  org = await createLedgerOrganisation(opened.db);
  other = await createLedgerOrganisation(opened.db, "NRVN", "Norra regionvårdsnämnden");
});
afterAll(async () => opened.close());

describe("the annual report's registers", () => {
  it("adds, changes and removes a permit with revisions, audited, and refuses a stale change naming who made it", async () => {
    const editor = actor(org, "editor", "sara");
    const added = await saveRegisterRow(opened.db, editor, "nhv_permit", { organisationId: org, year: 2023, revision: 0, row: pacemaker });
    expect(added.permits).toMatchObject([{ ...pacemaker, year: 2023, revision: 1, updatedBy: "sara" }]);
    const id = added.permits[0]!.id;

    const changed = await saveRegisterRow(opened.db, actor(org, "editor", "olle"), "nhv_permit", { organisationId: org, year: 2023, id, revision: 1, row: { ...pacemaker, startDate: "2024-02-01" } });
    expect(changed.permits[0]).toMatchObject({ startDate: "2024-02-01", revision: 2 });
    const stale = await saveRegisterRow(opened.db, editor, "nhv_permit", { organisationId: org, year: 2023, id, revision: 1, row: pacemaker }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ status: 409, code: "stale" });
    expect((stale as Error).message).toMatch(/^Tillståndet för Extraktion av pacemakerutrustning har ändrats av olle /);

    // The same care area twice in a year is one row to change, not two.
    await expect(saveRegisterRow(opened.db, editor, "nhv_permit", { organisationId: org, year: 2023, revision: 0, row: pacemaker })).rejects.toMatchObject({ status: 409, code: "duplicate" });

    await expect(deleteRegisterRow(opened.db, editor, "nhv_permit", { organisationId: org, id, revision: 1 })).rejects.toMatchObject({ status: 409 });
    await deleteRegisterRow(opened.db, editor, "nhv_permit", { organisationId: org, id, revision: 2 });
    expect((await readRegisters(opened.db, actor(org, "reader"), { organisationId: org, year: 2023 })).permits).toEqual([]);
    const audit = await opened.db.selectFrom("audit_log").select("action").where("entity", "=", "nhv_permit").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("keeps each organisation's registers to itself: readers read, editors change, others neither", async () => {
    const row = { unit: "RCC Syd", role: "Strateger/utvecklare", percent: 300, note: null };
    await expect(saveRegisterRow(opened.db, actor(org, "reader"), "staff_assignment", { organisationId: org, year: 2023, revision: 0, row })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRegisterRow(opened.db, actor(other, "editor"), "staff_assignment", { organisationId: org, year: 2023, revision: 0, row })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readRegisters(opened.db, actor(other, "reader"), { organisationId: org, year: 2023 })).rejects.toBeInstanceOf(ForbiddenError);
    const saved = await saveRegisterRow(opened.db, actor(org, "editor"), "staff_assignment", { organisationId: org, year: 2023, revision: 0, row });
    expect(saved.assignments).toMatchObject([{ ...row, revision: 1 }]);
    // Another organisation's editor cannot reach the row through their own organisation either.
    await expect(deleteRegisterRow(opened.db, actor(other, "editor"), "staff_assignment", { organisationId: other, id: saved.assignments[0]!.id, revision: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a share of full time the database cannot hold, and writes nothing", async () => {
    const before = await opened.db.selectFrom("staff_assignments").select("id").execute();
    await expect(
      saveRegisterRow(opened.db, actor(org, "editor"), "staff_assignment", { organisationId: org, year: 2023, revision: 0, row: { unit: "RCC Syd", role: "HR", percent: 0, note: null } }),
    ).rejects.toMatchObject({ code: "23514" });
    expect(await opened.db.selectFrom("staff_assignments").select("id").execute()).toEqual(before);
  });
});
