import type { Registers } from "../../core/followup/registers";
import type { Db } from "../../db/connect";
import type { Trx } from "../transaction";
import { requireRole } from "../access";
import type { Actor } from "../actor";

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/** The organisation's permits and assignments of a year, as stored; no access check (callers have made it). */
export async function registersOf(db: Db | Trx, organisationId: number, year: number): Promise<Registers> {
  const [permits, assignments] = await Promise.all([
    db.selectFrom("nhv_permits").selectAll().where("organisation_id", "=", organisationId).where("year", "=", year).orderBy("start_date").orderBy("application_phase").orderBy("id").execute(),
    db.selectFrom("staff_assignments").selectAll().where("organisation_id", "=", organisationId).where("year", "=", year).orderBy("id").execute(),
  ]);
  return {
    permits: permits.map((p) => ({
      id: p.id,
      year: p.year,
      careArea: p.care_area,
      applicationPhase: p.application_phase,
      outcome: p.outcome,
      startDate: p.start_date,
      principal: p.principal,
      revision: p.revision,
      updatedBy: p.updated_by,
      updatedAt: iso(p.updated_at),
    })),
    assignments: assignments.map((a) => ({ id: a.id, year: a.year, unit: a.unit, role: a.role, percent: a.percent, note: a.note, revision: a.revision, updatedBy: a.updated_by, updatedAt: iso(a.updated_at) })),
  };
}

/** The registers for a reader of the organisation. */
export async function readRegisters(db: Db, actor: Actor, input: { organisationId: number; year: number }): Promise<Registers> {
  requireRole(actor, input.organisationId, "reader");
  return registersOf(db, input.organisationId, input.year);
}
