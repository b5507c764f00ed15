import type { BudgetModel } from "./budget-model";

const TKR = 100_000;

/** Seed 000's table of the Samverkansnämnd's costs, in tkr as printed. */
export const seed000Budget: BudgetModel = {
  lineKind: "cost_category",
  columns: [
    { kind: "outcome", year: 2021 },
    { kind: "outcome", year: 2022 },
    { kind: "budget", year: 2023 },
    { kind: "budget", year: 2024 },
  ],
  lines: [
    { label: "Ersättningar regionala uppdrag", amounts: [7_190 * TKR, 7_588 * TKR, 10_025 * TKR, 11_000 * TKR] },
    { label: "Möteskostnader", amounts: [160 * TKR, 610 * TKR, 350 * TKR, 350 * TKR] },
    { label: "Förvaltningsavgift", amounts: [75 * TKR, 75 * TKR, 75 * TKR, 80 * TKR] },
    { label: "Övrigt", amounts: [30 * TKR, 40 * TKR, 50 * TKR, 50 * TKR] },
  ],
};
