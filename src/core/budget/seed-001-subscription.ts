import type { StatedTotals } from "./stated-totals";
import type { SubscriptionInput } from "./subscription";

const TKR = 100_000;

/**
 * Seed 001's subscription table for 2023 (Södra sjukvårdsregionen), in tkr as printed. The seed
 * gives only rounded tkr, so the cells are stored as whole tkr; the printed totals are kept
 * separately so the disagreements (Blekinge 162 952 vs 162 951 …) stay visible, not hidden.
 */
export const seed001Subscription: { input: SubscriptionInput; stated: StatedTotals } = {
  input: {
    buyers: [
      { key: "10", label: "Blekinge" },
      { key: "13", label: "Halland" },
      { key: "07", label: "Kronoberg" },
      { key: "12", label: "Skåne" },
    ],
    sellers: [
      { key: "SUS", label: "Skåne (SUS)" },
      { key: "KRO-RPK", label: "Kronoberg (rättspsyk)" },
      { key: "KRO-ONK", label: "Kronoberg (onkologi)" },
      { key: "BLE-THX", label: "Blekinge (thorax)" },
    ],
    cells: [
      { buyer: "10", seller: "SUS", amount: 128_544 * TKR },
      { buyer: "10", seller: "KRO-RPK", amount: 23_911 * TKR },
      { buyer: "10", seller: "KRO-ONK", amount: 10_497 * TKR },
      { buyer: "13", seller: "SUS", amount: 134_164 * TKR },
      { buyer: "13", seller: "KRO-RPK", amount: 22_745 * TKR },
      { buyer: "13", seller: "BLE-THX", amount: 160 * TKR },
      { buyer: "07", seller: "SUS", amount: 137_463 * TKR },
      { buyer: "07", seller: "BLE-THX", amount: 41_511 * TKR },
      { buyer: "12", seller: "KRO-RPK", amount: 28_234 * TKR },
      { buyer: "12", seller: "BLE-THX", amount: 10_428 * TKR },
    ],
    baseSharePercent: "50",
  },
  stated: {
    unit: "tkr",
    rows: { "10": 162_951 * TKR, "13": 157_069 * TKR, "07": 178_974 * TKR, "12": 38_662 * TKR },
    columns: { SUS: 400_170 * TKR, "KRO-RPK": 74_890 * TKR, "KRO-ONK": 10_497 * TKR, "BLE-THX": 52_098 * TKR },
    total: 537_655 * TKR,
  },
};
