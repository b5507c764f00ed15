export { BudgetError } from "./errors";
export { upratingFactor, type IndexChoice, type IndexValue, type Uprating } from "./index-series";
export { roundTo, roundingText, type RoundingChoice, type RoundingDirection } from "./rounding";
export { calculateProposal, type ProposalInput, type ProposalResult, type ProposalAddition, type ProposalMember } from "./proposal";
export { checkFrameChange, assertBalanced, type FrameChangeInput, type FrameChangeResult } from "./frame-change";
export { calculateJointFinancing, type JointFinancingInput, type JointFinancingResult, type FinancingMember } from "./joint-financing";
export { calculateSubscription, type SubscriptionInput, type SubscriptionResult, type Party, type SubscriptionCell } from "./subscription";
export { compareStatedTotals, type StatedTotals, type StatedTotalCheck } from "./stated-totals";
export { budgetTotals, columnHeader, type BudgetModel, type BudgetColumn, type BudgetLine } from "./budget-model";
