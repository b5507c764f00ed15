import type { Ore } from "../../core/allocation/types";
import { BalanceCheck, type BalanceDisagreement } from "./balances";
import type { SieEncoding } from "./encoding";
import type { SieWarning } from "./errors";
import type { SieInput } from "./lines";
import { SieParser, type KsummaStatus, type ParseOptions } from "./parse";
import type { SieAccountType, SieRecord, SieVoucher } from "./records";

export interface ReadSieOptions extends ParseOptions {
  /** Each balanced voucher, in file order; awaited, so a slow consumer slows the reading. */
  onVoucher?: (voucher: SieVoucher) => void | Promise<void>;
  /** Every record (vouchers included), in file order; awaited. */
  onRecord?: (record: SieRecord) => void | Promise<void>;
  /**
   * The records of each chunk read (a few thousand lines), in file order, after the summary has
   * counted them; awaited once per chunk, which is far cheaper than an await per record.
   */
  onRecords?: (records: SieRecord[]) => void | Promise<void>;
}

export interface SieSummary {
  file: string;
  encoding: SieEncoding;
  sieType?: number;
  format?: string;
  program?: { name: string; version: string };
  generated?: string;
  company: { name?: string; orgNumber?: string };
  years: { yearIndex: number; start: string; end: string }[];
  accounts: { account: string; name: string; type?: SieAccountType }[];
  dimensions: { dimension: number; name: string; parent?: number; objectCount: number }[];
  objectCount: number;
  balances: { ib: number; ub: number; oib: number; oub: number; res: number };
  /** #PSALDO records. */
  periods: number;
  /** #PBUDGET records. */
  budgets: number;
  voucherCount: number;
  /** #TRANS rows (#RTRANS/#BTRANS are counted apart). */
  transactionCount: number;
  addedRowCount: number;
  removedRowCount: number;
  /** Sum of the positive #TRANS amounts: the debit side, equal to the credit side. */
  debitTotal: Ore;
  firstVoucherDate?: string;
  lastVoucherDate?: string;
  ksumma: KsummaStatus;
  balanceDisagreements: BalanceDisagreement[];
  /** Parser warnings followed by one per balance disagreement. */
  warnings: SieWarning[];
  warningsOmitted: number;
  linesRead: number;
  bytesRead: number;
}

/**
 * Reads a whole SIE file in one pass and in bounded memory (per-account and per-dimension data
 * only), returning a summary and handing each voucher to `onVoucher`. Throws SieFileError, after
 * the last record, when the file has errors (see SieParser).
 */
export async function readSie(input: SieInput, options: ReadSieOptions = {}): Promise<SieSummary> {
  const parser = new SieParser(input, options);
  const check = new BalanceCheck();
  const accounts = new Map<string, { account: string; name: string; type?: SieAccountType }>();
  const dimensions = new Map<number, SieSummary["dimensions"][number]>();
  const s: SieSummary = {
    file: parser.file,
    encoding: "cp437",
    company: {},
    years: [],
    accounts: [],
    dimensions: [],
    objectCount: 0,
    balances: { ib: 0, ub: 0, oib: 0, oub: 0, res: 0 },
    periods: 0,
    budgets: 0,
    voucherCount: 0,
    transactionCount: 0,
    addedRowCount: 0,
    removedRowCount: 0,
    debitTotal: 0,
    ksumma: "absent",
    balanceDisagreements: [],
    warnings: [],
    warningsOmitted: 0,
    linesRead: 0,
    bytesRead: 0,
  };
  const dimension = (n: number) => {
    let d = dimensions.get(n);
    if (!d) dimensions.set(n, (d = { dimension: n, name: "", objectCount: 0 }));
    return d;
  };
  const perRecord = options.onVoucher !== undefined || options.onRecord !== undefined;
  for await (const batch of parser.batches()) {
    for (const r of batch) {
      check.add(r);
      switch (r.type) {
        case "SIETYP": s.sieType = r.sieType; break;
        case "FORMAT": s.format = r.format; break;
        case "PROGRAM": s.program = { name: r.name, version: r.version }; break;
        case "GEN": s.generated = r.date; break;
        case "FNAMN": s.company.name = r.name; break;
        case "ORGNR": s.company.orgNumber = r.orgNumber; break;
        case "RAR": s.years.push({ yearIndex: r.yearIndex, start: r.start, end: r.end }); break;
        case "KONTO": accounts.set(r.account, { ...accounts.get(r.account), account: r.account, name: r.name }); break;
        case "KTYP": {
          const a = accounts.get(r.account) ?? { account: r.account, name: "" };
          accounts.set(r.account, { ...a, type: r.accountType });
          break;
        }
        case "DIM": dimension(r.dimension).name = r.name; break;
        case "UNDERDIM": Object.assign(dimension(r.dimension), { name: r.name, parent: r.parent }); break;
        case "OBJEKT": dimension(r.dimension).objectCount++; s.objectCount++; break;
        case "IB": s.balances.ib++; break;
        case "UB": s.balances.ub++; break;
        case "OIB": s.balances.oib++; break;
        case "OUB": s.balances.oub++; break;
        case "RES": s.balances.res++; break;
        case "PSALDO": s.periods++; break;
        case "PBUDGET": s.budgets++; break;
        case "VER":
          s.voucherCount++;
          if (s.firstVoucherDate === undefined || r.date < s.firstVoucherDate) s.firstVoucherDate = r.date;
          if (s.lastVoucherDate === undefined || r.date > s.lastVoucherDate) s.lastVoucherDate = r.date;
          for (const t of r.transactions) {
            if (t.kind === "TRANS") {
              s.transactionCount++;
              if (t.amount > 0) s.debitTotal += t.amount;
            } else if (t.kind === "RTRANS") s.addedRowCount++;
            else s.removedRowCount++;
          }
          if (options.onVoucher) await options.onVoucher(r);
          break;
        default:
          break;
      }
      if (perRecord) await options.onRecord?.(r);
    }
    await options.onRecords?.(batch);
  }
  s.encoding = parser.encoding;
  s.ksumma = parser.ksumma;
  s.accounts = [...accounts.values()].sort((a, b) => a.account.localeCompare(b.account));
  s.dimensions = [...dimensions.values()].sort((a, b) => a.dimension - b.dimension);
  s.balanceDisagreements = check.finish();
  s.warnings = [
    ...parser.warnings,
    ...s.balanceDisagreements.map((d) => ({ file: parser.file, line: d.line ?? 0, field: `#${d.kind}`, message: d.message })),
  ];
  s.warningsOmitted = parser.warningsOmitted;
  s.linesRead = parser.linesRead;
  s.bytesRead = parser.bytesRead;
  return s;
}

/** Reads a SIE file and lists the accounts whose #UB/#RES disagree with #IB and the vouchers. */
export async function checkBalances(input: SieInput, options: ParseOptions = {}): Promise<BalanceDisagreement[]> {
  const check = new BalanceCheck();
  for await (const r of new SieParser(input, options).records()) check.add(r);
  return check.finish();
}
