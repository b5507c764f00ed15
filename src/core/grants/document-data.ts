import type { Decision, Distribution, InternalDecision, Part } from "./records";

/** A government decision with each part's distribution, as its decision document needs them. */
export interface GrantDecisionDocumentData {
  decision: Decision;
  /** Keyed by part id; a part without a saved distribution is absent. */
  distributions: Map<number, Distribution>;
}

/** An internal decision with the part and the government decision it allocates. */
export interface InternalDecisionDocumentData {
  internal: InternalDecision;
  decision: Decision;
  part: Part;
}
