// The grant API's shapes as the pages use them. Where the server's own type is what the route
// sends as JSON (no Date fields, only strings and numbers), it is imported as a type; `import type`
// is erased by Vite, so no server code reaches the browser.
export type { RecipientGroup, ActivityReport } from "../../../core/grants/types";
export type { PartsCheck } from "../../../core/grants/parts-check";
export type { AnnexLine } from "../../../core/grants/annex";
export type { ComparisonRow } from "../../../core/grants/compare";
export type { InternalLine, InternalMetadata } from "../../../core/grants/internal";
export type { VersionDiff } from "../../../core/grants/diff";
export type { RecipientStatus as GrantStatus } from "../../../core/grants/status";
export type { RecipientFigures as Figures } from "../../../core/grants/figures";
export type { DeadlineKind, DueDeadline as Deadline } from "../../../core/grants/deadlines";
export type { Agreement, PartInput, Part, DecisionInput, Decision } from "../../../db/queries/grants-decisions";
export type { Distribution } from "../../../db/queries/grants-distribution";
export type { InternalDecisionInput as InternalInput, InternalDecision } from "../../../db/queries/grants-internal";
export type { ReceiptInput as Receipt, SpendingEntry as Spending, RecipientGrant } from "../../../db/queries/grants-recipients";
import type { PartTerms } from "../../../core/grants/types";
import type { InternalDecision } from "../../../db/queries/grants-internal";
import type { RecipientGrant, SpendingEntry } from "../../../db/queries/grants-recipients";

export type Status = "draft" | "decided";

export type Terms = PartTerms & { payer: string | null };

/** GET /api/grants/recipients/…: the grant with its spending and internal decisions (grants-recipients route). */
export interface RecipientDetail extends RecipientGrant {
  spending: SpendingEntry[];
  internalDecisions: InternalDecision[];
}

// These two exist on the server only as zod schemas in src/server/routes/grants-schemas.ts.
export type ComparisonKey = { kind: "population"; date: string; basis: "membership" | "whole_regions" } | { kind: "equal" };

export interface ReminderSetting {
  email: string;
  daysBefore: number;
  enabled: boolean;
}
