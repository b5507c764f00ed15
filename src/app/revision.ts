import { StaleRevisionError } from "../core/errors";

export interface RevisionState {
  revision: number;
  updatedBy: string | null;
  updatedAt: Date | string | null;
}

/**
 * Optimistic concurrency: a change carries the revision it was based on. Call with the row as
 * read (and locked) inside the change's transaction; a mismatch means somebody saved in between.
 */
export function assertRevision(what: string, current: RevisionState, expected: number): void {
  if (current.revision !== expected) throw new StaleRevisionError(what, current);
}
