import { ConflictError, NotFoundError, StaleRevisionError } from "../../core/errors";
import type { NhvPermitInput, Registers, StaffAssignmentInput } from "../../core/followup/registers";
import type { Db } from "../../db/connect";
import { requireRole } from "../access";
import type { Actor } from "../actor";
import { writeAudit } from "../audit";
import { assertRevision } from "../revision";
import { inTransaction, type Trx } from "../transaction";
import { registersOf } from "./read-registers";

/** Which register a row belongs to, with its table, its key's words and its columns. */
const registers = {
  nhv_permit: {
    table: "nhv_permits",
    what: (r: NhvPermitInput) => `Tillståndet för ${r.careArea}`,
    values: (r: NhvPermitInput) => ({ care_area: r.careArea, application_phase: r.applicationPhase, outcome: r.outcome, start_date: r.startDate, principal: r.principal }),
    duplicate: (db: Trx, organisationId: number, year: number, r: NhvPermitInput) =>
      db.selectFrom("nhv_permits").select("id").where("organisation_id", "=", organisationId).where("year", "=", year).where("care_area", "=", r.careArea),
    duplicateText: (year: number, r: NhvPermitInput) => `Vårdområdet ${r.careArea} finns redan för ${year}; ändra den raden i stället.`,
  },
  staff_assignment: {
    table: "staff_assignments",
    what: (r: StaffAssignmentInput) => `Uppdraget ${r.role} (${r.unit})`,
    values: (r: StaffAssignmentInput) => ({ unit: r.unit, role: r.role, percent: r.percent, note: r.note }),
    duplicate: (db: Trx, organisationId: number, year: number, r: StaffAssignmentInput) =>
      db.selectFrom("staff_assignments").select("id").where("organisation_id", "=", organisationId).where("year", "=", year).where("unit", "=", r.unit).where("role", "=", r.role),
    duplicateText: (year: number, r: StaffAssignmentInput) => `${r.role} i ${r.unit} finns redan för ${year}; ändra den raden i stället.`,
  },
} as const;

export type RegisterKind = keyof typeof registers;
type RowOf<K extends RegisterKind> = K extends "nhv_permit" ? NhvPermitInput : StaffAssignmentInput;

/**
 * Adds a row to a register (without id, revision 0) or changes one (its id and the revision it
 * was read with); a stale revision is refused with 409 naming who changed the row. Returns the
 * year's registers as the page shows them.
 */
export async function saveRegisterRow<K extends RegisterKind>(
  db: Db,
  actor: Actor,
  kind: K,
  input: { organisationId: number; year: number; id?: number; revision: number; row: RowOf<K> },
): Promise<Registers> {
  requireRole(actor, input.organisationId, "editor");
  const register = registers[kind];
  const row = input.row as NhvPermitInput & StaffAssignmentInput;
  return inTransaction(db, async (trx) => {
    const same = await register.duplicate(trx, input.organisationId, input.year, row).executeTakeFirst();
    if (same && same.id !== input.id) throw new ConflictError(register.duplicateText(input.year, row), "duplicate");
    const values = { ...register.values(row), updated_by: actor.username, updated_at: new Date() };
    if (input.id === undefined) {
      if (input.revision !== 0) throw new StaleRevisionError(register.what(row), { revision: 0, updatedBy: null, updatedAt: null });
      const { id } = await trx
        .insertInto(register.table)
        .values({ organisation_id: input.organisationId, year: input.year, ...values } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeAudit(trx, actor, { action: "create", entity: kind, entityId: id, organisationId: input.organisationId, after: { year: input.year, ...row } });
    } else {
      const before = await trx
        .selectFrom(register.table)
        .selectAll()
        .where("id", "=", input.id)
        .where("organisation_id", "=", input.organisationId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError(`Raden ${input.id} finns inte i registret.`);
      assertRevision(register.what(row), { revision: before.revision, updatedBy: before.updated_by, updatedAt: before.updated_at }, input.revision);
      await trx
        .updateTable(register.table)
        .set({ ...values, year: input.year, revision: before.revision + 1 } as never)
        .where("id", "=", input.id)
        .execute();
      await writeAudit(trx, actor, { action: "update", entity: kind, entityId: input.id, organisationId: input.organisationId, before, after: { year: input.year, ...row } });
    }
    return registersOf(trx, input.organisationId, input.year);
  });
}

/** Removes a row of a register, based on the revision it was read with. */
export async function deleteRegisterRow(db: Db, actor: Actor, kind: RegisterKind, input: { organisationId: number; id: number; revision: number }): Promise<void> {
  requireRole(actor, input.organisationId, "editor");
  const register = registers[kind];
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom(register.table).selectAll().where("id", "=", input.id).where("organisation_id", "=", input.organisationId).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError(`Raden ${input.id} finns inte i registret.`);
    const stored = before as { care_area?: string; role?: string; unit?: string };
    const what = stored.care_area !== undefined ? `Tillståndet för ${stored.care_area}` : `Uppdraget ${stored.role} (${stored.unit})`;
    assertRevision(what, { revision: before.revision, updatedBy: before.updated_by, updatedAt: before.updated_at }, input.revision);
    await trx.deleteFrom(register.table).where("id", "=", input.id).execute();
    await writeAudit(trx, actor, { action: "delete", entity: kind, entityId: input.id, organisationId: input.organisationId, before });
  });
}
