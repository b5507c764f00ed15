export type {
  Ore,
  RoundingMode,
  LineMethod,
  AllocationLineInput,
  AllocationInput,
  FractionText,
  AllocationShare,
  AllocationResult,
} from "./types";
export { allocate, tieBreakText } from "./allocate";
export { AllocationError, type AllocationErrorReason } from "./errors";
export { explainShare, unitPhrase } from "./explain";
