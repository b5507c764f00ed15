import { requestJson as req } from "../../api/client";
import type { CoordinatorOverview } from "../../../app/grants/closing-read";
import type { PaymentDetails, PayeeKind } from "../../../core/grants/payee";

export type { CoordinatorOverview };
export type Signatory = { name: string | null; title: string | null; place: string | null };
export type Produced = { id: number; version: number };
export type CarryForward = { id: number; fromPartId: number; toPartId: number; recipientCode: string; diaryNumber: string; decidedOn: string; newDeadline: string; cap: number | null };

export const closingApi = {
  overview: (code: string) => req<CoordinatorOverview>("GET", `/api/grants/organisations/${encodeURIComponent(code)}/closing`),
  savePayment: (code: string, input: { organisationNumber: string; payee: { kind: PayeeKind; number: string; bank: string | null; holder: string | null }; revision: number }) =>
    req<PaymentDetails>("PUT", `/api/grants/organisations/${encodeURIComponent(code)}/payment-details`, input),
  requisition: (partId: number, code: string, input: { date: string; signatory: Signatory; expectedVersion: number }) => req<Produced>("POST", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}/requisitions`, input),
  report: (partId: number, code: string, input: { date: string; signatory: Signatory; explanation: string | null; expectedVersion: number }) =>
    req<Produced>("POST", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}/financial-reports`, input),
  carryForward: (partId: number, code: string, input: { toPartId: number; diaryNumber: string; decidedOn: string; newDeadline: string; cap: number | null }) =>
    req<CarryForward>("POST", `/api/grants/parts/${partId}/recipients/${encodeURIComponent(code)}/carry-forward`, input),
};

export const documentHref = (kind: "requisition" | "financial_report", id: number, format: "pdf" | "xlsx") => `/api/documents/${kind === "requisition" ? "grant-requisitions" : "grant-financial-reports"}/${id}/${format}`;
