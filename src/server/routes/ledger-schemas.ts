import { codeString, nameText } from "../../core/input-schemas";
import { z } from "@hono/zod-openapi";

// Shapes of the ledger and follow-up API. Amounts are whole öre; ledger sign (debit positive)
// where a row of the ledger is shown, report sign (income positive, costs negative) in reports.

export const OrgQuery = z.object({
  organisationId: z.coerce.number().int().positive().openapi({ example: 1, description: "Organisationens id" }),
});
export const OrgYearQuery = OrgQuery.extend({ year: z.coerce.number().int().min(1900).max(2200).openapi({ example: 2023 }) });

export const WarningSchema = z.object({ file: z.string(), line: z.number(), field: z.string(), message: z.string() }).openapi("LedgerWarning");

export const ImportSchema = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    fileName: z.string(),
    kind: z.enum(["sie", "csv"]),
    year: z.number(),
    status: z.enum(["importing", "done", "failed", "replaced"]),
    voucherCount: z.number(),
    transactionCount: z.number(),
    balanceCount: z.number(),
    budgetCount: z.number(),
    warningCount: z.number(),
    error: z.string().nullable(),
    importedBy: z.string().nullable(),
    importedAt: z.string(),
  })
  .openapi("LedgerImport");

export const ImportDetailSchema = ImportSchema.extend({ warnings: z.array(WarningSchema), summary: z.unknown() }).openapi("LedgerImportDetail");

const ImportFiguresSchema = z.object({
  importId: z.number(),
  fileName: z.string(),
  vouchers: z.number(),
  transactions: z.number(),
  classTotals: z.object({ income: z.number(), staff: z.number(), other: z.number(), financial: z.number(), balance: z.number() }).openapi({ description: "Öre per kontoklass för året" }),
});
export const ReplaceComparisonSchema = z
  .object({ year: z.number(), before: ImportFiguresSchema, after: ImportFiguresSchema, fewer: z.string().nullable() })
  .openapi("LedgerReplaceComparison");

export const JobSchema = z
  .object({
    id: z.string(),
    organisationId: z.number(),
    fileName: z.string(),
    status: z.enum(["running", "done", "failed", "interrupted"]).openapi({ description: "interrupted: servern som körde importen slutade svara innan den blev klar; ingenting sparades" }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    linesRead: z.number(),
    bytesRead: z.number(),
    totalBytes: z.number().nullable(),
    transactions: z.number(),
    percent: z.number().nullable().openapi({ description: "Hela procent av filen lästa; null om storleken är okänd" }),
    result: z
      .object({
        importId: z.number(),
        year: z.number(),
        vouchers: z.number(),
        transactions: z.number(),
        balances: z.number(),
        budgets: z.number(),
        periodBalances: z.number(),
        warnings: z.array(WarningSchema),
        ksumma: z.enum(["verified", "absent"]),
        replaced: z.array(z.number()),
      })
      .nullable(),
    error: z
      .object({
        message: z.string(),
        errors: z.array(WarningSchema),
        code: z.string().optional().openapi({ description: "replace_needs_consent: filen skulle ersätta årets import; skicka den igen med replace=true" }),
        comparison: ReplaceComparisonSchema.optional(),
      })
      .nullable(),
  })
  .openapi("LedgerImportJob");

export const ColumnRef = z.union([nameText().min(1), z.number().int().positive()]);
export const CsvMappingSchema = z
  .object({
    name: nameText().trim().min(1, "Ange ett namn"),
    separator: z.string().length(1, "Avgränsaren är ett tecken").default(";"),
    decimalComma: z.boolean().default(true),
    hasHeader: z.boolean().default(true),
    encoding: z.enum(["utf-8", "windows-1252"]).default("utf-8"),
    sign: z.enum(["ledger", "reversed"]).default("ledger").openapi({ description: "ledger: kostnader positiva (som i huvudboken); reversed: intäkter positiva" }),
    columns: z.object({
      account: ColumnRef,
      amount: ColumnRef,
      period: ColumnRef.optional(),
      date: ColumnRef.optional(),
      costCentre: ColumnRef.optional(),
      project: ColumnRef.optional(),
      text: ColumnRef.optional(),
    }).openapi({ description: "Kolumnrubrik eller kolumnnummer (1 = första) per fält; period (ÅÅÅÅMM) eller datum krävs" }),
  })
  .openapi("CsvMapping");

export const AccountClassEnum = z.enum(["income", "staff", "other", "financial", "balance"]);
export const AccountClassOverrideSchema = z
  .object({ from: codeString().min(1), to: codeString().min(1), class: AccountClassEnum, jointFinancing: z.boolean().optional() })
  .openapi("AccountClassOverride");

export const ObjectLinkSchema = z
  .object({ dimension: z.number().int(), code: codeString().min(1), grantId: z.number().int().nullable(), budgetLine: nameText().nullable(), label: nameText().nullable() })
  .openapi("LedgerObjectLink");

const readRevision = z.number().int().openapi({ description: "Revisionen en ändring ska utgå från" });
export const StoredObjectLinkSchema = ObjectLinkSchema.extend({ revision: readRevision }).openapi("StoredLedgerObjectLink");
export const StoredCsvMappingSchema = CsvMappingSchema.extend({ id: z.number(), revision: readRevision }).openapi("StoredCsvMapping");
export const AccountClassSetSchema = z.object({ overrides: z.array(AccountClassOverrideSchema), revision: readRevision.openapi({ description: "Uppsättningens revision; 0 innan något sparats" }) }).openapi("AccountClassSet");

export const BudgetOutcomeRowSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    budget: z.number(),
    outcome: z.number(),
    deviation: z.number().openapi({ description: "utfall − budget; positivt är bättre än budget" }),
    deviationPercent: z.string().nullable().openapi({ example: "-0,6", description: "En decimal, decimalkomma; null utan budget" }),
    forecast: z.number(),
  })
  .openapi("BudgetOutcomeRow");

export const BudgetOutcomeSchema = z
  .object({
    year: z.number(),
    fiscalYear: z
      .object({ label: z.string().openapi({ example: "2009/10" }), firstMonth: z.string().openapi({ example: "2009-07" }), lastMonth: z.string().openapi({ example: "2010-06" }) })
      .openapi({ description: "Räkenskapsåret som importens #RAR 0 anger; kalenderåret när inget annat sägs. Månad 1 i rapporten är räkenskapsårets första." }),
    by: z.enum(["class", "account", "costcentre", "project", "month"]),
    rows: z.array(BudgetOutcomeRowSchema),
    total: BudgetOutcomeRowSchema,
    asOfMonth: z.number(),
    forecastMethod: z.enum(["budget_remaining", "linear"]),
    forecastMethodText: z.string(),
    signNote: z.string(),
  })
  .openapi("BudgetOutcomeReport");

const ProjectRowSchema = z
  .object({
    kind: z.enum(["project", "board"]),
    code: z.string(),
    name: z.string(),
    opening: z.number(),
    jointFinancing: z.number(),
    otherIncome: z.number(),
    costs: z.number(),
    closing: z.number(),
    openingSource: z.enum(["ledger", "previous_year", "none"]),
  })
  .openapi("ProjectAccountRow");
const ProjectSumSchema = z.object({ label: z.string(), opening: z.number(), jointFinancing: z.number(), otherIncome: z.number(), costs: z.number(), closing: z.number() });
export const ProjectAccountsSchema = z
  .object({
    year: z.number(),
    rows: z.array(ProjectRowSchema),
    subtotal: ProjectSumSchema,
    excludedRows: z.array(ProjectRowSchema),
    total: ProjectSumSchema,
    mandatePeriod: z.object({ start: z.number(), end: z.number() }),
  })
  .openapi("ProjectAccounts");

export const NarrativeCheckSchema = z
  .object({
    checked: z.number(),
    mismatches: z.array(
      z.object({
        project: z.string(),
        field: z.enum(["opening", "jointFinancing", "otherIncome", "income", "costs", "closing"]),
        written: z.string(),
        writtenOre: z.number(),
        tableOre: z.number(),
        offset: z.number(),
        sentence: z.string(),
        message: z.string(),
      }),
    ),
  })
  .openapi("NarrativeCheck");
