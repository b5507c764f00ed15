import { codeString, freeText, isoDate, nameText } from "../../core/input-schemas";
import { displayUnits } from "../../core/money/units";
import { z } from "@hono/zod-openapi";
import { defaultPopulationBasis, populationBases } from "../../core/population-key";

// Request shapes of the budget API. Amounts are whole öre; percentages and rates exact decimal text.

const ore = z.number().int().refine(Number.isSafeInteger, "Beloppet är för stort").openapi({ description: "Belopp i hela öre", example: 1_050_000_000 });
const text = (message: string) => nameText().trim().min(1, message);
const decimalText = codeString().regex(/^\s*-?\d[\d\s\u00a0]*([.,]\d+)?\s*%?\s*$/, "Skriv ett tal, t.ex. \"2,5\"");
const date = isoDate();
const year = z.number().int().min(1900).max(2200);

export const Rounding = z
  .object({
    unit: ore.refine((u) => u > 0, "Avrundningsenheten måste vara större än noll").openapi({ description: "Avrundningssteg i öre: 100 = 1 kr, 1 000 000 = 10 tkr" }),
    direction: z.enum(["up", "down", "nearest"]),
  })
  .openapi("BudgetRounding");

export const IndexSpec = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("percent"), percent: decimalText, source: text("Ange varifrån procentsatsen kommer, t.ex. Budgetdirektiven") }),
    z.object({ kind: z.literal("series"), code: text("Ange indexserie, t.ex. LPIK"), fromYear: year, toYear: year }),
  ])
  .openapi("IndexSpec");

const Population = z.object({ date, basis: z.enum(populationBases).default(defaultPopulationBasis.budget) });

export const ProposalSpec = z
  .object({
    baseAmount: ore,
    baseLabel: text("Ange vad grundbeloppet är, t.ex. Budget 2023"),
    index: IndexSpec,
    additions: z.array(z.object({ label: text("Tillägget saknar benämning"), amount: ore, decisionReference: text("Ange beslutet tillägget bygger på") })).default([]),
    members: z.array(z.object({ key: text("Medlemmen saknar kod"), label: text("Medlemmen saknar namn") })).min(1, "Minst en medlem behövs"),
    split: z.enum(["equal", "population"]),
    population: Population.optional(),
    rounding: Rounding,
    targetColumn: z.number().int().nonnegative().optional(),
  })
  .openapi("ProposalSpec");

export const BudgetSpec = z
  .object({
    model: z.object({
      lineKind: z.enum(["cost_category", "account_class"]),
      columns: z.array(z.object({ kind: z.enum(["outcome", "budget", "forecast"]), year, label: nameText().optional() })).min(1, "Minst en kolumn behövs"),
      lines: z.array(z.object({ label: text("Raden saknar benämning"), amounts: z.array(ore.nullable()) })),
    }),
    proposal: ProposalSpec.optional(),
  })
  .openapi("BudgetSpec");

// Labels and amounts may be empty or missing while the user types; the check reports them per field.
export const FrameChangeSpec = z
  .object({
    grossIncrease: ore,
    reductions: z.array(z.object({ label: nameText(), amount: ore, reason: freeText() })),
    lines: z.array(z.object({ label: nameText(), amount: ore })),
  })
  .openapi("FrameChangeSpec");

const Member = z.object({ key: text("Medlemmen saknar kod"), label: text("Medlemmen saknar namn") });
export const JointFinancingSpec = z
  .discriminatedUnion("method", [
    z.object({ method: z.literal("per_inhabitant"), ratePerInhabitant: decimalText, area: Population.extend({ code: text("Ange område, t.ex. SVR-SODRA") }), rounding: Rounding }),
    z.object({ method: z.literal("equal"), total: ore, members: z.array(Member).min(1), rounding: Rounding }),
    z.object({ method: z.literal("agreed"), total: ore, members: z.array(Member.extend({ sharePercent: decimalText })).min(1), rounding: Rounding }),
  ])
  .openapi("JointFinancingSpec");

const Party = z.object({ key: text("Koden saknas"), label: text("Namnet saknas") });
export const SubscriptionSpec = z
  .object({
    buyers: z.array(Party).min(1),
    sellers: z.array(Party).min(1),
    cells: z.array(z.object({ buyer: nameText(), seller: nameText(), amount: ore, consumption: decimalText.optional() })),
    baseSharePercent: decimalText,
    uprating: IndexSpec.optional(),
    stated: z
      .object({ unit: z.enum(displayUnits), rows: z.record(z.string(), ore).optional(), columns: z.record(z.string(), ore).optional(), total: ore.optional() })
      .optional(),
  })
  .openapi("SubscriptionSpec");

const Person = z.object({ name: text("Namn saknas"), title: nameText() });
export const DocumentMetadata = z
  .object({
    caseNumber: codeString().optional().openapi({ example: "HSN 1430-2024" }),
    relatedCases: z.array(codeString()).optional(),
    date: date.optional(),
    organisationName: nameText().optional(),
    summary: z.array(freeText()).optional(),
    proposalText: z.array(freeText()).optional(),
    attSatser: z.array(freeText()).optional(),
    preparedBy: z.array(Person).optional(),
    participants: z.array(Person).optional(),
    distribution: z.array(nameText()).optional(),
    decidedBy: nameText().optional(),
    notes: z.array(freeText()).optional(),
    displayUnit: z.enum(displayUnits).optional(),
  })
  .openapi("DocumentMetadata");

export const Summary = z
  .object({
    id: z.number(),
    kind: z.enum(["budget", "frame_change", "joint_financing", "subscription"]),
    organisationId: z.number(),
    organisationCode: z.string(),
    organisationName: z.string(),
    title: z.string(),
    year: z.number(),
    status: z.enum(["proposal", "decided"]),
    version: z.number(),
    previousId: z.number().nullable(),
    totalOre: z.number(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    revision: z.number().int(),
    updatedBy: z.string().nullable(),
  })
  .openapi("BudgetDocumentSummary");

export const IndexSeriesValues = z
  .object({
    values: z
      .array(
        z.object({
          year,
          changePercent: decimalText,
          source: text("Ange källa, t.ex. SKR"),
          revision: z.number().int().positive().nullable().openapi({ description: "Årets revision som ändringen bygger på; null för ett år som inte hade något värde" }),
        }),
      )
      .min(1, "Minst ett värde behövs"),
  })
  .openapi("IndexSeriesValues");
