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
export type { Agreement, PartInput, Part, DecisionInput, Decision, Distribution, InternalDecisionInput as InternalInput, InternalDecision } from "../../../core/grants/records";
export type { ReceiptInput as Receipt, SpendingEntry as Spending, RecipientGrant, RecipientDetail } from "../../../core/grants/records";
export type { ComparisonKey } from "../../../app/grants/set-annex-distribution";
export type { ReminderSetting } from "../../../app/grants/save-reminder-setting";
import type { PartTerms } from "../../../core/grants/types";

export type Status = "draft" | "decided";

export type Terms = PartTerms & { payer: string | null };
