import type { Db } from "../connect";

// Seed 001, Södra regionvårdsnämndens verksamhetsberättelse 2023: the NHV permits Region Skåne
// applied for or stood back from ("Utlysning och tilldelning av NHV 2023"), and RCC Syd's
// staffing as shares of full time. Kept under Södra samverkansregionen, whose report it is.

const ORGANISATION = "SVR-SODRA";
const YEAR = 2023;

const permits: [careArea: string, outcome: "granted" | "granted_partner" | "declined_to_apply", phase: string, start: string, principal: string][] = [
  ["Extraktion av pacemakerutrustning", "granted", "2023-03-08", "2024-01-01", "Sus"],
  ["Könsdysfori", "granted_partner", "2023-03-08", "2024-01-01", "PHH"],
  ["Gendermatoser", "declined_to_apply", "2023-05-24", "2024-01-01", "Sus"],
  ["Resttillstånd efter polio", "granted", "2023-05-24", "2024-01-01", "Sus"],
  ["Tarmrehabilitering för barn", "granted", "2023-05-24", "2024-01-01", "Sus"],
  ["Visceral transplantation", "declined_to_apply", "2023-05-24", "2024-01-01", "Sus"],
  ["Vård vid tarmsvikt hos vuxna", "declined_to_apply", "2023-05-24", "2024-01-01", "Sus"],
  ["Epilepsikirurgisk utredning och behandling", "granted", "2023-03-08", "2024-07-01", "Sus"],
  ["Medfödd metabolsjukdom inkl. nyföddhetsscreening", "granted", "2023-03-08", "2024-07-01", "Sus"],
  ["Systemisk amyloidos", "declined_to_apply", "2023-03-08", "2024-07-01", "Sus"],
  ["Bäckenkirurgi", "granted", "2023-05-24", "2024-07-01", "Sus"],
  ["Svåra hudsymptom", "granted", "2023-05-24", "2024-07-01", "Sus"],
  ["Högsisoleringsvård vid högsmittsamma sjukdomar", "declined_to_apply", "2023-12-13", "2025-01-01", "Sus"],
];

const assignments: [role: string, percent: number, note: string | null][] = [
  ["Direktör/chef", 100, null],
  ["Strateger/utvecklare", 300, null],
  ["Administrativt stöd", 100, null],
  ["Webbansvarig", 75, null],
  ["Kommunikatör", 80, null],
  ["Data manager", 50, null],
  ["Ekonomi", 10, "5 % + 5 %"],
  ["HR", 5, null],
  ["Nämndsekreterare", 10, null],
  ["Processledare/projektledare", 300, "nio personer, 20–50 % var, i nationella eller sjukvårdsregionala uppdrag"],
];

/** Loads seed 001's registers once; returns what it added. */
export async function loadDemoRegisters(db: Db, log: (line: string) => void = () => {}): Promise<string[]> {
  const org = await db.selectFrom("organisations").select("id").where("code", "=", ORGANISATION).executeTakeFirst();
  if (!org) return [];
  const existing = await db.selectFrom("nhv_permits").select("id").where("organisation_id", "=", org.id).where("year", "=", YEAR).executeTakeFirst();
  if (existing) return [];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("nhv_permits")
      .values(permits.map(([care_area, outcome, application_phase, start_date, principal]) => ({ organisation_id: org.id, year: YEAR, care_area, outcome, application_phase, start_date, principal, updated_by: "exempeldata" })))
      .execute();
    await trx
      .insertInto("staff_assignments")
      .values(assignments.map(([role, percent, note]) => ({ organisation_id: org.id, year: YEAR, unit: "RCC Syd", role, percent, note, updated_by: "exempeldata" })))
      .execute();
    await trx
      .insertInto("audit_log")
      .values({ action: "create", entity: "nhv_permit", entity_id: `${ORGANISATION}/${YEAR}`, organisation_id: org.id, username: "exempeldata", after: JSON.stringify({ permits: permits.length, assignments: assignments.length }) })
      .execute();
  });
  const line = `Register ${YEAR}: ${permits.length} NHV-tillstånd och ${assignments.length} uppdrag (RCC Syd)`;
  log(`  ${line}`);
  return [line];
}
