import type { Ore } from "../allocation/types";
import type { ReceiptState } from "./types";

export interface RecipientFigures {
  entitled: Ore;
  requisitioned: Ore | null;
  received: Ore;
  spent: Ore;
  /** received − spent; negative when more was spent than received. */
  unspent: Ore;
  repaid: Ore;
  /** What still has to be paid back: the unspent money not yet repaid, never below zero. */
  toRepay: Ore;
}

export function recipientFigures(state: ReceiptState): RecipientFigures {
  const received = state.received ?? 0;
  const unspent = received - state.spent;
  const repaid = state.repaid ?? 0;
  return {
    entitled: state.entitled,
    requisitioned: state.requisitioned,
    received,
    spent: state.spent,
    unspent,
    repaid,
    toRepay: Math.max(0, unspent - repaid),
  };
}
