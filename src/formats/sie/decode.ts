import type { Fields } from "./fields";
import { SieFieldError } from "./fields";
import type { SieAccountType, SieRecord, SieTransaction, SieVoucher } from "./records";

const ACCOUNT_TYPES = new Set(["T", "S", "K", "I"]);

/**
 * Turns one header or balance line into its record. Returns null for tags handled elsewhere
 * (#VER, #TRANS, #KSUMMA, braces). Unknown tags are kept as "OTHER", as the standard asks readers
 * to skip what they do not know.
 */
export function decodeRecord(f: Fields, line: number): SieRecord | null {
  switch (f.tag) {
    case "#FLAGGA":
      return { type: "FLAGGA", line, flag: f.int(0, "flagga") };
    case "#FORMAT":
      return { type: "FORMAT", line, format: f.required(0, "format") };
    case "#SIETYP": {
      const sieType = f.int(0, "typnr");
      if (sieType < 1 || sieType > 4) throw new SieFieldError("#SIETYP typnr", `SIE-typ ${sieType} finns inte; filer av typ 1–4 läses`);
      return { type: "SIETYP", line, sieType };
    }
    case "#PROGRAM":
      return { type: "PROGRAM", line, name: f.text(0, "programnamn"), version: f.optText(1, "version") ?? "" };
    case "#GEN":
      return { type: "GEN", line, date: f.date(0, "datum"), ...opt("signature", f.optText(1, "sign")) };
    case "#FNAMN":
      return { type: "FNAMN", line, name: f.text(0, "företagsnamn") };
    case "#ORGNR":
      return {
        type: "ORGNR",
        line,
        orgNumber: f.optText(0, "organisationsnummer") ?? "",
        ...opt("acquisitionNo", f.optText(1, "förvnr")),
        ...opt("activityNo", f.optText(2, "verknr")),
      };
    case "#RAR":
      return { type: "RAR", line, yearIndex: f.int(0, "årsnr"), start: f.date(1, "start"), end: f.date(2, "slut") };
    case "#KONTO":
      return { type: "KONTO", line, account: f.account(0, "kontonr"), name: f.optText(1, "kontonamn") ?? "" };
    case "#KTYP": {
      const accountType = f.required(1, "kontotyp").toUpperCase();
      if (!ACCOUNT_TYPES.has(accountType)) {
        throw new SieFieldError("#KTYP kontotyp", `okänd kontotyp "${accountType}" (T, S, K eller I)`);
      }
      return { type: "KTYP", line, account: f.account(0, "kontonr"), accountType: accountType as SieAccountType };
    }
    case "#SRU":
      return { type: "SRU", line, account: f.account(0, "kontonr"), sruCode: f.required(1, "SRU-kod") };
    case "#DIM":
      return { type: "DIM", line, dimension: f.int(0, "dimensionsnr"), name: f.optText(1, "namn") ?? "" };
    case "#UNDERDIM":
      return {
        type: "UNDERDIM",
        line,
        dimension: f.int(0, "dimensionsnr"),
        name: f.optText(1, "namn") ?? "",
        parent: f.int(2, "superdimension"),
      };
    case "#OBJEKT":
      return {
        type: "OBJEKT",
        line,
        dimension: f.int(0, "dimensionsnr"),
        code: f.required(1, "objektkod"),
        name: f.optText(2, "objektnamn") ?? "",
      };
    case "#IB":
    case "#UB":
      return {
        type: f.tag === "#IB" ? "IB" : "UB",
        line,
        yearIndex: f.int(0, "årsnr"),
        account: f.account(1, "konto"),
        amount: f.amount(2, "saldo"),
        ...opt("quantity", f.optQuantity(3, "kvantitet")),
      };
    case "#OIB":
    case "#OUB":
      return {
        type: f.tag === "#OIB" ? "OIB" : "OUB",
        line,
        yearIndex: f.int(0, "årsnr"),
        account: f.account(1, "konto"),
        objects: f.objects(2, "objektlista"),
        amount: f.amount(3, "saldo"),
        ...opt("quantity", f.optQuantity(4, "kvantitet")),
      };
    case "#RES":
      return {
        type: "RES",
        line,
        yearIndex: f.int(0, "årsnr"),
        account: f.account(1, "konto"),
        amount: f.amount(2, "saldo"),
        ...opt("quantity", f.optQuantity(3, "kvantitet")),
      };
    case "#PSALDO":
    case "#PBUDGET":
      return {
        type: f.tag === "#PSALDO" ? "PSALDO" : "PBUDGET",
        line,
        yearIndex: f.int(0, "årsnr"),
        period: f.period(1, "period"),
        account: f.account(2, "konto"),
        objects: f.objects(3, "objektlista"),
        amount: f.amount(4, "saldo"),
        ...opt("quantity", f.optQuantity(5, "kvantitet")),
      };
    default:
      return {
        type: "OTHER",
        line,
        tag: f.tag,
        fields: f.fields.map((x) => (x.kind === "text" ? x.value : `{${x.items.join(" ")}}`)),
      };
  }
}

/** #VER serie vernr verdatum vertext regdatum sign; the rows follow in a block. */
export function decodeVoucherHead(f: Fields, line: number): SieVoucher {
  return {
    type: "VER",
    line,
    series: f.optText(0, "serie") ?? "",
    number: f.optText(1, "vernr") ?? "",
    date: f.date(2, "verdatum"),
    text: f.optText(3, "vertext") ?? "",
    ...opt("registeredDate", f.optDate(4, "regdatum")),
    ...opt("signature", f.optText(5, "sign")),
    transactions: [],
    endLine: line,
  };
}

/** #TRANS kontonr {objektlista} belopp transdat transtext kvantitet sign (also #RTRANS, #BTRANS). */
export function decodeTransaction(f: Fields, line: number): SieTransaction {
  // Some writers leave out the object list although the standard requires it: the fields shift.
  const o = f.isList(1) || f.fields.length < 2 ? 0 : -1;
  return {
    kind: f.tag.slice(1) as SieTransaction["kind"],
    line,
    account: f.account(0, "kontonr"),
    objects: o === 0 && f.fields.length > 1 ? f.objects(1, "objektlista") : [],
    amount: f.amount(2 + o, "belopp"),
    ...opt("date", f.optDate(3 + o, "transdat")),
    ...opt("text", f.optText(4 + o, "transtext")),
    ...opt("quantity", f.optQuantity(5 + o, "kvantitet")),
    ...opt("signature", f.optText(6 + o, "sign")),
  };
}

/** Leaves optional properties out instead of setting them to undefined. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
