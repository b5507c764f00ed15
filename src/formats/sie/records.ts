import type { Ore } from "../../core/allocation/types";

/** An object in a dimension, as written in a SIE object list: `{1 "100" 6 "8941"}`. */
export interface SieObjectRef {
  dimension: number;
  code: string;
}

/** Where a record came from, for messages and for importers that report back. */
interface At {
  line: number;
}

/** Year index as in #RAR: 0 = the current financial year, -1 the one before, and so on. */
type YearIndex = number;

export interface SieFlag extends At { type: "FLAGGA"; flag: number }
export interface SieFormat extends At { type: "FORMAT"; format: string }
export interface SieType extends At { type: "SIETYP"; sieType: number }
export interface SieProgram extends At { type: "PROGRAM"; name: string; version: string }
/** Date as "YYYY-MM-DD". */
export interface SieGenerated extends At { type: "GEN"; date: string; signature?: string }
export interface SieCompanyName extends At { type: "FNAMN"; name: string }
export interface SieOrgNumber extends At { type: "ORGNR"; orgNumber: string; acquisitionNo?: string; activityNo?: string }
export interface SieYear extends At { type: "RAR"; yearIndex: YearIndex; start: string; end: string }
export interface SieAccount extends At { type: "KONTO"; account: string; name: string }
/** T tillgång, S skuld, K kostnad, I intäkt. */
export type SieAccountType = "T" | "S" | "K" | "I";
export interface SieAccountTypeRecord extends At { type: "KTYP"; account: string; accountType: SieAccountType }
export interface SieSru extends At { type: "SRU"; account: string; sruCode: string }
export interface SieDimension extends At { type: "DIM"; dimension: number; name: string }
export interface SieSubDimension extends At { type: "UNDERDIM"; dimension: number; name: string; parent: number }
export interface SieObject extends At { type: "OBJEKT"; dimension: number; code: string; name: string }

/** #IB / #UB: opening / closing balance of a balance account. */
export interface SieBalance extends At {
  type: "IB" | "UB";
  yearIndex: YearIndex;
  account: string;
  amount: Ore;
  quantity?: string;
}
/** #OIB / #OUB: opening / closing balance of an account for an object. */
export interface SieObjectBalance extends At {
  type: "OIB" | "OUB";
  yearIndex: YearIndex;
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  quantity?: string;
}
/** #RES: the year's result on a result account. */
export interface SieResult extends At {
  type: "RES";
  yearIndex: YearIndex;
  account: string;
  amount: Ore;
  quantity?: string;
}
/** #PSALDO (outcome) / #PBUDGET (budget) for one period; `objects` empty for the whole account. */
export interface SiePeriodAmount extends At {
  type: "PSALDO" | "PBUDGET";
  yearIndex: YearIndex;
  /** "YYYYMM". */
  period: string;
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  quantity?: string;
}

/**
 * A row of a voucher. Only "TRANS" rows make up the voucher: "RTRANS" (a row added later) is
 * always followed by an identical "TRANS" row for readers that ignore it, and "BTRANS" is a
 * row that was removed.
 */
export interface SieTransaction extends At {
  kind: "TRANS" | "RTRANS" | "BTRANS";
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  /** "YYYY-MM-DD" when the row has its own date. */
  date?: string;
  text?: string;
  quantity?: string;
  signature?: string;
}

/** #VER with its block of rows. */
export interface SieVoucher extends At {
  type: "VER";
  /** Empty when the file leaves it to the importing system. */
  series: string;
  number: string;
  /** "YYYY-MM-DD". */
  date: string;
  text: string;
  registeredDate?: string;
  signature?: string;
  transactions: SieTransaction[];
  /** The line of the closing brace. */
  endLine: number;
}

/** Any other tag (#ADRESS, #KPTYP, #VALUTA, #PROSA, …): kept with its raw fields. */
export interface SieOther extends At {
  type: "OTHER";
  tag: string;
  fields: string[];
}

export type SieRecord =
  | SieFlag
  | SieFormat
  | SieType
  | SieProgram
  | SieGenerated
  | SieCompanyName
  | SieOrgNumber
  | SieYear
  | SieAccount
  | SieAccountTypeRecord
  | SieSru
  | SieDimension
  | SieSubDimension
  | SieObject
  | SieBalance
  | SieObjectBalance
  | SieResult
  | SiePeriodAmount
  | SieVoucher
  | SieOther;
