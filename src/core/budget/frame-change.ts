import type { Ore } from "../allocation/types";
import { formatAmount } from "../money";
import { BudgetError } from "./errors";

export interface FrameReduction {
  label: string;
  amount: Ore;
  /** Why the frame is reduced: the decision or the reason, as the user writes it. */
  reason: string;
}

export interface FrameLine {
  label: string;
  amount: Ore;
}

export interface FrameChangeInput {
  /** The frame's gross increase (seed 004: 214 mkr). */
  grossIncrease: Ore;
  reductions: FrameReduction[];
  lines: FrameLine[];
}

export interface FrameProblem {
  path: string;
  message: string;
}

export interface FrameChangeResult {
  grossIncrease: Ore;
  reductionsTotal: Ore;
  /** grossIncrease − reductions: what the lines must add up to (seed 004: 190 mkr). */
  toAllocate: Ore;
  allocated: Ore;
  /** toAllocate − allocated; negative when the lines take more than there is. */
  unallocated: Ore;
  state: "balanced" | "unallocated" | "overallocated";
  /** Swedish, one per faulty field; empty when every field is well-formed. */
  problems: FrameProblem[];
  /** One Swedish sentence for the UI's running check. */
  message: string;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const mkr = (ore: number) => formatAmount(ore, ore % 100_000_000 === 0 ? "mkr" : "kr");

function checkAmount(amount: Ore, path: string, what: string, problems: FrameProblem[]): bigint {
  if (!Number.isSafeInteger(amount)) {
    problems.push({ path, message: `${what}: beloppet måste vara ett helt antal öre.` });
    return 0n;
  }
  if (amount < 0) problems.push({ path, message: `${what}: beloppet får inte vara negativt (${formatAmount(amount, "kr")}).` });
  return BigInt(amount);
}

/**
 * The running check of a frame change: never throws for an imbalance, so the UI can show what is
 * still unallocated as the user types. Use assertBalanced before a decision.
 */
export function checkFrameChange(input: FrameChangeInput): FrameChangeResult {
  const problems: FrameProblem[] = [];
  const gross = checkAmount(input.grossIncrease, "grossIncrease", "Ramförstärkningen", problems);
  let reductions = 0n;
  input.reductions.forEach((r, i) => {
    const what = `Minskning ${i + 1}${r.label ? ` (${r.label})` : ""}`;
    if (r.label.trim() === "") problems.push({ path: `reductions.${i}.label`, message: `Minskning ${i + 1}: ange en benämning.` });
    if (r.reason.trim() === "") problems.push({ path: `reductions.${i}.reason`, message: `${what}: ange skälet till minskningen.` });
    reductions += checkAmount(r.amount, `reductions.${i}.amount`, what, problems);
  });
  let allocated = 0n;
  input.lines.forEach((l, i) => {
    const what = `Rad ${i + 1}${l.label ? ` (${l.label})` : ""}`;
    if (l.label.trim() === "") problems.push({ path: `lines.${i}.label`, message: `Rad ${i + 1}: ange vad beloppet ska gå till.` });
    allocated += checkAmount(l.amount, `lines.${i}.amount`, what, problems);
  });
  const toAllocate = gross - reductions;
  if (toAllocate < 0n) problems.push({ path: "reductions", message: `Minskningarna (${mkr(Number(reductions))}) är större än ramförstärkningen (${mkr(Number(gross))}).` });
  for (const v of [gross, reductions, allocated]) if (v > MAX) throw new BudgetError("Beloppen är för stora för att räknas exakt.", "lines");
  const unallocated = toAllocate - allocated;
  const state = unallocated === 0n ? "balanced" : unallocated > 0n ? "unallocated" : "overallocated";
  const message =
    state === "balanced"
      ? `Raderna summerar till ${mkr(Number(allocated))}, hela utrymmet är fördelat.`
      : state === "unallocated"
        ? `Kvar att fördela: ${mkr(Number(unallocated))} av ${mkr(Number(toAllocate))}.`
        : `Raderna tar ${mkr(Number(-unallocated))} mer än de ${mkr(Number(toAllocate))} som finns att fördela.`;
  return {
    grossIncrease: Number(gross),
    reductionsTotal: Number(reductions),
    toAllocate: Number(toAllocate),
    allocated: Number(allocated),
    unallocated: Number(unallocated),
    state,
    problems,
    message,
  };
}

/** Throws a Swedish BudgetError unless the frame change is well-formed and fully allocated. */
export function assertBalanced(result: FrameChangeResult): void {
  const first = result.problems[0];
  if (first) throw new BudgetError(first.message, first.path);
  if (result.state !== "balanced") throw new BudgetError(`Fördelningen går inte jämnt ut: ${result.message}`, "lines");
}
