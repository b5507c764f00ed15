import type { Ore } from "../allocation/types";
import type { DisplayUnit } from "../money/units";
import type { PopulationBasis } from "../population-key";
import type { BudgetModel } from "./budget-model";
import type { FrameChangeInput } from "./frame-change";
import type { ProposalAddition } from "./proposal";
import type { RoundingChoice } from "./rounding";
import type { StatedTotals } from "./stated-totals";
import type { Party, SubscriptionCell } from "./subscription";

// What a user states, before population figures and index values are looked up in the database.

export type IndexSpec =
  | { kind: "percent"; percent: string; source: string }
  | { kind: "series"; code: string; fromYear: number; toYear: number };

export interface PopulationSpec {
  date: string;
  basis: PopulationBasis;
}

export interface ProposalSpec {
  baseAmount: Ore;
  baseLabel: string;
  index: IndexSpec;
  additions: ProposalAddition[];
  /** key: an organisation code ("03"), so a split by population can look the figure up. */
  members: { key: string; label: string }[];
  split: "equal" | "population";
  population?: PopulationSpec;
  rounding: RoundingChoice;
  /** The budget column the proposal fills (0-based); its total is checked against the proposal. */
  targetColumn?: number;
}

export interface BudgetSpec {
  model: BudgetModel;
  proposal?: ProposalSpec;
}

export type FrameChangeSpec = FrameChangeInput;

export type JointFinancingSpec =
  | { method: "per_inhabitant"; ratePerInhabitant: string; area: { code: string } & PopulationSpec; rounding: RoundingChoice }
  | { method: "equal"; total: Ore; members: { key: string; label: string }[]; rounding: RoundingChoice }
  | { method: "agreed"; total: Ore; members: { key: string; label: string; sharePercent: string }[]; rounding: RoundingChoice };

export interface SubscriptionSpec {
  buyers: Party[];
  sellers: Party[];
  cells: SubscriptionCell[];
  baseSharePercent: string;
  uprating?: IndexSpec;
  /** Totals as a source printed them, compared with the computed ones. */
  stated?: StatedTotals;
}

/** The decision document's metadata, common to all kinds. */
export interface DocumentMetadata {
  caseNumber?: string;
  /** Earlier cases: "HSN 746-2024, § 219". */
  relatedCases?: string[];
  date?: string;
  organisationName?: string;
  summary?: string[];
  proposalText?: string[];
  attSatser?: string[];
  preparedBy?: { name: string; title: string }[];
  participants?: { name: string; title: string }[];
  distribution?: string[];
  decidedBy?: string;
  /** Free notes shown under "Underlag och anmärkningar", e.g. what the source does not say. */
  notes?: string[];
  /** Unit the document's money tables are shown in. */
  displayUnit?: DisplayUnit;
}
