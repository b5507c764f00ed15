import { ApiError } from "./api/client";

/** A record as the API sends it, with the revision a change must carry back. */
export interface Revisioned {
  revision: number;
  updatedBy?: string | null;
  updatedAt?: string;
}

/** The server refused a change because somebody saved the record after this page read it. */
export function isStaleError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === "stale";
}
