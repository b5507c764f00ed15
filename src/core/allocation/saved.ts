import type { AllocationRequest } from "./request";
import type { AllocationResult } from "./types";

/** A saved allocation as the API sends it and the web shows it. */
export interface SavedAllocation {
  id: number;
  organisationId: number;
  organisationName: string;
  title: string;
  status: "draft" | "decided";
  version: number;
  previousId: number | null;
  totalOre: number;
  request: AllocationRequest;
  result: AllocationResult;
  createdBy: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Optimistic concurrency: a change carries the revision it was based on. */
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

export type AllocationSummary = Omit<SavedAllocation, "request" | "result">;
