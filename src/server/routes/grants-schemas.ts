import { codeString, freeText, isoDate, nameText } from "../../core/input-schemas";
import { z } from "@hono/zod-openapi";
import { AllocationRequestOpenApi, RevisionField } from "../schemas";
import { roundingModeValues } from "../../core/allocation/types";
import { defaultPopulationBasis, populationBases } from "../../core/population-key";

// Shapes of the grant (statsbidrag) API. Money is whole öre; dates are YYYY-MM-DD.

export const Ore = z.number().int().refine(Number.isSafeInteger, "Beloppet är för stort").openapi({ description: "Belopp i hela öre", example: 22_600_000_000 });
export const NonNegativeOre = Ore.refine((n) => n >= 0, "Beloppet får inte vara negativt");
export const DateText = isoDate().openapi({ example: "2023-12-01" });
const text = (message: string) => nameText().trim().min(1, message);

export { RevisionField } from "../schemas";
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** 409: the record is decided, not valid to decide, or changed since the revision sent. */
export const staleResponse = { 409: { description: "Beslutat, ogiltigt att besluta, eller ändrat av någon annan sedan revisionen lästes (code stale)", content: { "application/json": { schema: ErrorBodySchema } } } };
export const RevisionBody = z.object({ revision: RevisionField }).openapi("GrantRevision");
const revisioned = { revision: z.number(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() };

export const PartsCheckSchema = z
  .object({ total: z.number(), sum: z.number(), difference: z.number().openapi({ description: "sum − total" }), balanced: z.boolean(), message: z.string() })
  .openapi("GrantPartsCheck");

export const AgreementInputSchema = z
  .object({
    organisationId: z.number().int().positive(),
    name: text("Ange överenskommelsens namn"),
    year: z.number().int().min(2000).max(2100),
    parties: z.array(nameText().trim().min(1)).min(1, "Ange parterna"),
    total: NonNegativeOre,
    diaryNumber: codeString().trim().min(1).nullable().default(null),
  })
  .openapi("GrantAgreementInput");

export const AgreementSchema = AgreementInputSchema.extend({
  id: z.number(),
  organisationName: z.string(),
  decidedTotal: z.number().openapi({ description: "Summan av registrerade regeringsbesluts totalbelopp" }),
  decisionCount: z.number(),
  ...revisioned,
}).openapi("GrantAgreement");

export const ActivityReportSchema = z
  .object({ kind: z.enum(["partial", "final"]), deadline: DateText, recipient: text("Ange mottagare av verksamhetsrapporten") })
  .openapi("GrantActivityReport");

export const PartInputSchema = z
  .object({
    id: z.number().int().positive().optional().openapi({ description: "Finns delen redan: dess id, så att fördelning och mottagarnas uppgifter behålls" }),
    recipientGroup: z.enum(["skr", "regions", "cooperation_regions", "other"]),
    purpose: text("Ange ändamål"),
    amount: NonNegativeOre,
    expenditureArea: nameText().nullable().default(null).openapi({ example: "9 Hälsovård, sjukvård och social omsorg" }),
    appropriation: nameText().nullable().default(null).openapi({ example: "1:6 Bidrag till folkhälsa och sjukvård" }),
    appropriationItem: codeString().nullable().default(null).openapi({ example: "40" }),
    appropriationItemName: nameText().nullable().default(null).openapi({ example: "Jämlik sjukvård" }),
    oneTime: z.boolean().default(false).openapi({ description: "Engångsvis" }),
    requisitionDeadline: DateText.nullable().default(null),
    reportDeadline: DateText.nullable().default(null).openapi({ description: "Ekonomisk redovisning senast" }),
    reportRecipientCode: codeString().nullable().default(null).openapi({ example: "KAMMARKOLLEGIET" }),
    repaymentDeadline: DateText.nullable().default(null),
    repaymentRecipientCode: codeString().nullable().default(null).openapi({ example: "KAMMARKOLLEGIET" }),
    activityReports: z.array(ActivityReportSchema).default([]),
  })
  .openapi("GrantPartInput");

export const PartSchema = PartInputSchema.extend({
  id: z.number(),
  decisionId: z.number(),
  position: z.number(),
  reportRecipientName: z.string().nullable(),
  repaymentRecipientName: z.string().nullable(),
  distributedTotal: z.number(),
  distributionMode: z.enum(["key", "annex"]).nullable(),
}).openapi("GrantPart");

export const DecisionInputSchema = z
  .object({
    agreementId: z.number().int().positive(),
    organisationId: z.number().int().positive(),
    title: text("Ange rubrik"),
    diaryNumber: codeString().trim().min(1).nullable().default(null).openapi({ example: "S2023/00488" }),
    decisionDate: DateText.nullable().default(null),
    ministry: nameText().nullable().default(null).openapi({ example: "Socialdepartementet" }),
    payerCode: codeString().nullable().default(null).openapi({ example: "KAMMARKOLLEGIET" }),
    signatories: z.array(nameText().trim().min(1)).default([]),
    total: NonNegativeOre,
    parts: z.array(PartInputSchema).default([]),
  })
  .openapi("GrantDecisionInput");

export const DecisionSchema = DecisionInputSchema.omit({ parts: true })
  .extend({
    id: z.number(),
    agreementName: z.string(),
    organisationName: z.string(),
    payerName: z.string().nullable(),
    status: z.enum(["draft", "decided"]),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    createdAt: z.string(),
    parts: z.array(PartSchema),
    check: PartsCheckSchema,
    ...revisioned,
  })
  .openapi("GrantDecision");

const FractionSchema = z.object({ numerator: z.string(), denominator: z.string() });
export const AllocationResultSchema = z
  .object({
    total: z.number(),
    inputTotal: z.number(),
    unit: z.number(),
    rounding: z.string(),
    shares: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        method: z.string(),
        basis: z.string().nullable(),
        weight: z.number().nullable().optional(),
        quota: FractionSchema,
        amount: z.number(),
        roundingDifference: FractionSchema,
        remainderRank: z.number().nullable(),
        explanation: z.string(),
      }),
    ),
    difference: z.number(),
    tieBreak: z.string(),
  })
  .openapi("GrantAllocationResult");

export const GrantAllocationRequest = AllocationRequestOpenApi;

export const EntitlementSchema = z.object({ recipientCode: z.string(), recipientName: z.string(), amount: z.number(), explanation: z.string() }).openapi("GrantEntitlement");

export const ComparisonRowSchema = z
  .object({
    recipientCode: z.string(),
    name: z.string(),
    decided: z.number().nullable(),
    computed: z.number().nullable(),
    difference: z.number().nullable().openapi({ description: "decided − computed" }),
    explanation: z.string().nullable(),
  })
  .openapi("GrantComparisonRow");

export const DistributionSchema = z
  .object({
    partId: z.number(),
    mode: z.enum(["key", "annex"]),
    request: GrantAllocationRequest.nullable(),
    result: AllocationResultSchema.nullable(),
    source: z.string().nullable(),
    entitlements: z.array(EntitlementSchema),
    check: PartsCheckSchema,
    comparison: z
      .object({
        request: GrantAllocationRequest,
        rows: z.array(ComparisonRowSchema),
        decidedTotal: z.number(),
        computedTotal: z.number(),
        differing: z.array(ComparisonRowSchema),
        roundings: z
          .array(z.object({ rounding: z.enum(roundingModeValues), differing: z.number() }))
          .openapi({ description: "Each fixed-total rounding rule tried, with how many recipients differ from the annex under it" }),
      })
      .nullable(),
    updatedAt: z.string(),
    revision: z.number(),
    updatedBy: z.string().nullable(),
  })
  .openapi("GrantDistribution");

export const ComparisonKeySchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("population"), date: DateText, basis: z.enum(populationBases).default(defaultPopulationBasis.grantDistribution) }),
    z.object({ kind: z.literal("equal") }),
  ])
  .openapi("GrantComparisonKey");

export const AnnexLineInputSchema = z.object({ recipientCode: codeString().optional(), name: nameText(), amount: NonNegativeOre });

export const AnnexInputSchema = z
  .object({
    source: nameText().trim().min(1).default("inmatat"),
    text: freeText().optional().openapi({ description: "Inklistrade rader \"Region Stockholm\\t14 486 584\"; alternativ till lines" }),
    lines: z.array(AnnexLineInputSchema).optional().openapi({ description: "Inmatade rader; namn löses mot mottagargruppen om kod saknas" }),
    comparisonKey: ComparisonKeySchema.nullable().default(null),
  })
  .openapi("GrantAnnexInput");

export const AnnexLineSchema = z.object({ recipientCode: z.string(), name: z.string(), amount: z.number(), line: z.number() }).openapi("GrantAnnexLine");

export const ReceiptSchema = z
  .object({
    accountingObject: codeString().nullable().default(null).openapi({ example: "9929" }),
    requisitionedOn: DateText.nullable().default(null),
    requisitioned: NonNegativeOre.nullable().default(null),
    receivedOn: DateText.nullable().default(null),
    received: NonNegativeOre.nullable().default(null),
    reportedOn: DateText.nullable().default(null),
    repaidOn: DateText.nullable().default(null),
    repaid: NonNegativeOre.nullable().default(null),
    partialReportOn: DateText.nullable().default(null),
    finalReportOn: DateText.nullable().default(null),
    notes: freeText().nullable().default(null),
  })
  .openapi("GrantReceipt");

export const StatusSchema = z
  .object({ code: z.enum(["requisition", "lapsed", "awaiting_payment", "follow_up", "done"]), text: z.string(), dueDate: z.string().nullable(), overdue: z.boolean() })
  .openapi("GrantStatus");

export const FiguresSchema = z
  .object({ entitled: z.number(), requisitioned: z.number().nullable(), received: z.number(), spent: z.number(), unspent: z.number(), repaid: z.number(), toRepay: z.number() })
  .openapi("GrantFigures");

export const TermsSchema = z.object({
  partId: z.number(),
  title: z.string(),
  amount: z.number(),
  requisitionDeadline: z.string().nullable(),
  reportDeadline: z.string().nullable(),
  reportRecipient: z.string().nullable(),
  repaymentDeadline: z.string().nullable(),
  repaymentRecipient: z.string().nullable(),
  activityReports: z.array(ActivityReportSchema),
  payer: z.string().nullable(),
});

export const SpendingSchema = z
  .object({ id: z.number(), spentOn: z.string(), amount: z.number(), description: z.string(), source: z.enum(["manual", "ledger"]), sourceRef: z.string().nullable() })
  .openapi("GrantSpending");

export const RecipientGrantSchema = z
  .object({
    partId: z.number(),
    decisionId: z.number(),
    decisionStatus: z.enum(["draft", "decided"]),
    agreementName: z.string(),
    diaryNumber: z.string().nullable(),
    purpose: z.string(),
    title: z.string(),
    recipientCode: z.string(),
    recipientName: z.string(),
    entitled: z.number(),
    explanation: z.string(),
    terms: TermsSchema,
    recipientOrganisationId: z.number(),
    ownerOrganisationId: z.number().openapi({ description: "Organisationen som registrerade regeringsbeslutet" }),
    receipt: ReceiptSchema,
    receiptRevision: z.number().openapi({ description: "Mottagarens uppgifters revision; 0 när inget är sparat" }),
    figures: FiguresSchema,
    status: StatusSchema,
  })
  .openapi("GrantRecipientGrant");

export const DeadlineSchema = z
  .object({
    key: z.string(),
    kind: z.enum(["requisition", "financial_report", "repayment", "partial_report", "final_report"]),
    date: z.string(),
    partId: z.number(),
    title: z.string(),
    organisationCode: z.string(),
    organisationName: z.string(),
    counterpart: z.string().nullable(),
    amount: z.number().nullable(),
    done: z.boolean().nullable().openapi({ description: "null: mottagarens egna uppgifter (rekvisition, redovisning) visas bara för mottagaren och bidragets ägare" }),
    daysLeft: z.number(),
    overdue: z.boolean(),
    summary: z.string(),
  })
  .openapi("GrantDeadline");

export const InternalLineSchema = z
  .object({
    label: text("Raden saknar benämning"),
    kind: z.enum(["fixed", "earmarked", "remainder"]),
    amount: NonNegativeOre.optional(),
    earmarkPurpose: nameText().optional(),
    accountingObject: codeString().optional(),
  })
  .openapi("GrantInternalLine");

export const InternalMetadataSchema = z
  .object({
    caseNumber: codeString().nullable().default(null),
    decidedBy: nameText().nullable().default(null),
    decidedByTitle: nameText().nullable().default(null),
    decisionDate: DateText.nullable().default(null),
    delegationPoint: codeString().nullable().default(null).openapi({ example: "4.1.19" }),
    delegationText: freeText().nullable().default(null),
    reportedTo: nameText().nullable().default(null).openapi({ example: "Regionstyrelsen" }),
    reportedOn: DateText.nullable().default(null),
    conditions: z.array(freeText()).default([]),
    distributionList: z.array(nameText()).default([]),
    basisDocuments: z.array(nameText()).default([]),
    accountingObject: codeString().nullable().default(null),
  })
  .openapi("GrantInternalMetadata");

export const InternalInputSchema = z
  .object({ title: text("Ange rubrik"), total: NonNegativeOre, metadata: InternalMetadataSchema, lines: z.array(InternalLineSchema).min(1, "Minst en rad behövs") })
  .openapi("GrantInternalDecisionInput");

const ResolvedLineSchema = InternalLineSchema.extend({ amount: z.number(), explanation: z.string() });
const DiffSchema = z
  .object({
    fields: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
    lines: z.array(z.object({ change: z.enum(["added", "removed", "changed"]), label: z.string(), before: z.unknown(), after: z.unknown(), amountDifference: z.number() })),
    unchanged: z.boolean(),
  })
  .openapi("GrantVersionDiff");

export const InternalDecisionSchema = InternalInputSchema.extend({
  id: z.number(),
  partId: z.number(),
  organisationId: z.number(),
  organisationName: z.string(),
  version: z.number(),
  previousId: z.number().nullable(),
  status: z.enum(["draft", "decided"]),
  resolvedLines: z.array(ResolvedLineSchema),
  earmarked: z.number(),
  result: AllocationResultSchema,
  decidedAt: z.string().nullable(),
  decidedByUser: z.string().nullable(),
  createdAt: z.string(),
  changes: DiffSchema.nullable(),
  ...revisioned,
}).openapi("GrantInternalDecision");

export const ReminderSettingSchema = z
  .object({ email: nameText().email("Ogiltig e-postadress"), daysBefore: z.number().int().min(0).max(365).default(14), enabled: z.boolean().default(true) })
  .openapi("GrantReminderSetting");

export const CodeParam = z.object({ code: codeString().min(1).openapi({ param: { name: "code", in: "path" }, example: "23" }) });
export const tags = ["Statsbidrag"];
