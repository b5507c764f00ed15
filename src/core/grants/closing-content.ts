import type { Ore } from "../allocation/types";
import type { ClosingFigures, ManualCostLine } from "./closing";
import type { PayeeDetails } from "./payee";

// What a requisition and a financial report say, as stored with each produced version, so a
// filed document renders the same later whatever happens to the register.

export interface RegistrationNumbers {
  agreementName: string;
  /** The agreement's registration number (diarienummer), when the register has it. */
  agreement: string | null;
  decisionTitle: string;
  /** The government decision's registration number: "S2023/00488". */
  decision: string | null;
  decisionDate: string | null;
}

export interface PartReference {
  position: number;
  purpose: string;
  expenditureArea: string | null;
  appropriation: string | null;
  appropriationItem: string | null;
  appropriationItemName: string | null;
  oneTime: boolean;
}

export interface Signatory {
  name: string | null;
  title: string | null;
  place: string | null;
}

export interface RecipientReference {
  code: string;
  name: string;
  organisationNumber: string | null;
}

export interface RequisitionContent {
  kind: "requisition";
  version: number;
  date: string;
  recipient: RecipientReference;
  payee: PayeeDetails;
  /** Who pays out and receives the requisition: "Kammarkollegiet". */
  payer: string | null;
  registration: RegistrationNumbers;
  part: PartReference;
  amount: Ore;
  entitled: Ore;
  requisitionDeadline: string | null;
  accountingObject: string | null;
  /** The recipient's next step in the register when the requisition was made. */
  statusText: string;
  signatory: Signatory;
}

export interface CarriedIn {
  fromTitle: string;
  diaryNumber: string;
  decidedOn: string;
  newDeadline: string;
  amount: Ore;
}

export interface CarriedOut {
  toTitle: string;
  diaryNumber: string;
  decidedOn: string;
  newDeadline: string;
  amount: Ore;
}

export interface FinancialReportContent {
  kind: "financial_report";
  version: number;
  date: string;
  recipient: RecipientReference;
  registration: RegistrationNumbers;
  part: PartReference;
  period: { from: string; to: string };
  accountingObject: string;
  figures: ClosingFigures;
  byAccount: { account: string; accountName: string | null; amount: Ore }[];
  byMonth: { month: string; amount: Ore }[];
  /** Account × month, as the ledger holds them. */
  ledgerLines: { account: string; accountName: string | null; month: string; amount: Ore }[];
  manual: ManualCostLine[];
  explanation: string | null;
  carriedIn: CarriedIn[];
  carriedOut: CarriedOut | null;
  repayment: { amount: Ore; dueDate: string | null; payee: string | null; payeeDetails: string | null };
  reportRecipient: string | null;
  signatory: Signatory;
}
