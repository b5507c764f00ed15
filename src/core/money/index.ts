export { MoneyError, type MoneyErrorReason } from "./errors";
export { parseAmount, type ParseAmountOptions } from "./parse";
export { parseDecimal, parsePercent, parsePercentFraction, formatPercent } from "./percent";
export { formatAmount, formatExactAmount, roundForDisplay, type DisplayRounding, type FormatAmountOptions } from "./format";
export { unitToOre, parseUnit, formatUnitName, groupThousands, displayUnits, unitLabels, type AmountUnit, type DisplayUnit, type InputUnit } from "./units";
export { percentOf, upratePercent, multiplyAmount, sumAmounts, fractionToOre, bigintToOre, sumToOre } from "./arithmetic";
