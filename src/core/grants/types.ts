import type { Ore } from "../allocation/types";

export type RecipientGroup = "skr" | "regions" | "cooperation_regions" | "other";

export interface ActivityReport {
  kind: "partial" | "final";
  deadline: string;
  /** Who receives it, as written: "Regeringskansliet (Socialdepartementet)". */
  recipient: string;
}

/** What a part of a government decision says about money and deadlines. */
export interface PartTerms {
  partId: number;
  /** "Sammanhållen, jämlik och säker vård 2023 – S2023/00488: Personcentrerade vårdförlopp". */
  title: string;
  amount: Ore;
  requisitionDeadline: string | null;
  reportDeadline: string | null;
  reportRecipient: string | null;
  repaymentDeadline: string | null;
  repaymentRecipient: string | null;
  activityReports: ActivityReport[];
}

/** A recipient's own record of one part: what it asked for, got, used, reported and repaid. */
export interface ReceiptState {
  entitled: Ore;
  requisitionedOn: string | null;
  requisitioned: Ore | null;
  receivedOn: string | null;
  received: Ore | null;
  spent: Ore;
  reportedOn: string | null;
  repaidOn: string | null;
  repaid: Ore | null;
  partialReportOn: string | null;
  finalReportOn: string | null;
}
