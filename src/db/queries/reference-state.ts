import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { COOPERATION_REGIONS } from "../../core/reference/cooperation-regions";
import { REGIONS } from "../../core/reference/regions";
import { STATE_BODIES } from "../../core/reference/state-bodies";
import { REFERENCE_DIR } from "../../formats/reference/reference-files";
import type { Db } from "../connect";
import { loadReferenceData } from "./reference";

/** A fingerprint of everything loadReferenceData writes: the shipped files and the definitions. */
export function referenceFingerprint(dir: URL = REFERENCE_DIR): string {
  const hash = createHash("sha256");
  const path = fileURLToPath(dir);
  for (const name of readdirSync(path).filter((f) => f.endsWith(".csv")).sort()) {
    hash.update(name).update(readFileSync(`${path}/${name}`));
  }
  hash.update(JSON.stringify([REGIONS, COOPERATION_REGIONS, STATE_BODIES]));
  return hash.digest("hex");
}

/**
 * Loads the shipped reference data unless this database already holds this very version.
 * Every CLI command opens the database, so skipping the reload keeps commands quick.
 */
export async function ensureReferenceData(db: Db): Promise<boolean> {
  const fingerprint = referenceFingerprint();
  const current = await sql<{ fingerprint: string }>`SELECT fingerprint FROM reference_state WHERE id = 1`.execute(db);
  if (current.rows[0]?.fingerprint === fingerprint) return false;
  await loadReferenceData(db);
  await sql`INSERT INTO reference_state (id, fingerprint) VALUES (1, ${fingerprint})
            ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, loaded_at = now()`.execute(db);
  return true;
}
