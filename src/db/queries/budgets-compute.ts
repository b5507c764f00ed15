import {
  budgetTotals,
  calculateJointFinancing,
  calculateProposal,
  calculateSubscription,
  checkFrameChange,
  compareStatedTotals,
  type IndexChoice,
  type JointFinancingResult,
  type ProposalResult,
} from "../../core/budget";
import type { BudgetResult, ResultOf, SpecOf, SubscriptionDocResult } from "../../core/budget/documents";
import type { BudgetSpec, FrameChangeSpec, IndexSpec, JointFinancingSpec, ProposalSpec, SubscriptionSpec } from "../../core/budget/specs";
import { formatAmount } from "../../core/money";
import { regionByCode } from "../../core/reference/regions";
import type { Db } from "../connect";
import type { BudgetDocumentKind } from "../schema-budgets";
import { indexValues } from "./index-series";
import { populationOf, populationsOf } from "./population";

export type { BudgetResult, SubscriptionDocResult, SpecOf, ResultOf };

export async function resolveIndex(db: Db, spec: IndexSpec): Promise<IndexChoice> {
  if (spec.kind === "percent") return spec;
  const values = await indexValues(db, spec.code);
  return { ...spec, values };
}

export async function computeProposal(db: Db, spec: ProposalSpec): Promise<ProposalResult> {
  const index = await resolveIndex(db, spec.index);
  let members = spec.members;
  if (spec.split === "population") {
    const figures = await populationsOf(db, spec.members.map((m) => m.key), spec.population?.date ?? "", spec.population?.basis);
    members = spec.members.map((m, i) => ({ ...m, population: figures[i]!.population }));
  }
  const populationBasis = spec.population ? `Folkmängd ${spec.population.date} enligt SCB` : undefined;
  return calculateProposal({ ...spec, index, members, populationBasis });
}

async function computeBudget(db: Db, spec: BudgetSpec): Promise<BudgetResult> {
  const totals = budgetTotals(spec.model);
  const proposal = spec.proposal ? await computeProposal(db, spec.proposal) : null;
  const checks: string[] = [];
  const target = spec.proposal?.targetColumn;
  if (proposal && target !== undefined) {
    const columnTotal = totals.columnTotals[target];
    const header = totals.headers[target] ?? `kolumn ${target + 1}`;
    if (columnTotal === undefined) checks.push(`Förslaget pekar på kolumn ${target + 1}, som inte finns.`);
    else if (columnTotal === proposal.roundedTotal) checks.push(`${header} summerar till ${formatAmount(columnTotal, "tkr")}, samma som förslaget.`);
    else checks.push(`${header} summerar till ${formatAmount(columnTotal, "kr")} men förslaget är ${formatAmount(proposal.roundedTotal, "kr")}; skillnad ${formatAmount(columnTotal - proposal.roundedTotal, "kr")}.`);
  }
  return { totals, proposal, checks };
}

async function computeJointFinancing(db: Db, spec: JointFinancingSpec): Promise<JointFinancingResult> {
  if (spec.method !== "per_inhabitant") return calculateJointFinancing(spec);
  const figure = await populationOf(db, { code: spec.area.code, date: spec.area.date, basis: spec.area.basis });
  // Parts may be municipalities (a split county on the healthcare-region map); members are regions.
  const byCounty = new Map<string, number>();
  for (const part of figure.parts) {
    const county = part.areaCode.slice(0, 2);
    byCounty.set(county, (byCounty.get(county) ?? 0) + part.population);
  }
  const members = [...byCounty].map(([county, population]) => ({ key: county, label: regionByCode(county)?.name ?? county, population }));
  return calculateJointFinancing({
    method: "per_inhabitant",
    ratePerInhabitant: spec.ratePerInhabitant,
    rounding: spec.rounding,
    area: { code: figure.code, name: figure.name, date: figure.date, description: figure.basis },
    members,
  });
}

async function computeSubscription(db: Db, spec: SubscriptionSpec): Promise<SubscriptionDocResult> {
  const uprating = spec.uprating ? await resolveIndex(db, spec.uprating) : undefined;
  const matrix = calculateSubscription({ ...spec, uprating });
  return { matrix, statedChecks: spec.stated ? compareStatedTotals(matrix, spec.stated) : [] };
}

/** Computes a document's result from its stated spec, looking up populations and index values. */
export async function computeBudgetDocument<K extends BudgetDocumentKind>(db: Db, kind: K, spec: SpecOf[K]): Promise<{ result: ResultOf[K]; totalOre: number }> {
  switch (kind) {
    case "budget": {
      const result = await computeBudget(db, spec as BudgetSpec);
      const total = result.proposal?.roundedTotal ?? result.totals.columnTotals[result.totals.columnTotals.length - 1] ?? 0;
      return { result: result as ResultOf[K], totalOre: total };
    }
    case "frame_change": {
      const result = checkFrameChange(spec as FrameChangeSpec);
      return { result: result as ResultOf[K], totalOre: result.toAllocate };
    }
    case "joint_financing": {
      const result = await computeJointFinancing(db, spec as JointFinancingSpec);
      return { result: result as ResultOf[K], totalOre: result.total };
    }
    default: {
      const result = await computeSubscription(db, spec as SubscriptionSpec);
      return { result: result as ResultOf[K], totalOre: result.matrix.total };
    }
  }
}
