import type { SieEncoding } from "./encoding";
import { SieError, SieFileError, type SieWarning } from "./errors";
import { decodeRecord, decodeTransaction, decodeVoucherHead } from "./decode";
import { fastTransaction } from "./fast-trans";
import { Fields, SieFieldError } from "./fields";
import { Crc32, updateKsumma } from "./ksumma";
import { describeInput, LineSource, type SieInput, type SourceLine } from "./lines";
import type { SieRecord, SieVoucher } from "./records";
import { SieSyntaxError, tokenizeLine, type SieLine } from "./tokenize";
import { formatKronor } from "./values";

export interface ParseOptions {
  /** Name used in messages; defaults to the file's base name or "(ström)". */
  name?: string;
  /** Overrides the encoding detection (see LineSource). */
  encoding?: SieEncoding;
  /** Called every 10 000 lines and at the end. */
  onProgress?: (linesRead: number, bytesRead: number) => void;
  /** Errors kept before the rest are only counted. Default 100. */
  maxErrors?: number;
  /** Warnings kept before the rest are only counted. Default 1000. */
  maxWarnings?: number;
}

export type KsummaStatus = "verified" | "absent";

const PROGRESS_EVERY = 10_000;

/**
 * Records that describe the file or the company but carry no amounts: a malformed one is skipped
 * with a warning (real exports have `#RAR 0` without dates in an import file, `#SRU 2010` without
 * a code), while a malformed amount, balance or voucher refuses the file.
 */
const DESCRIPTIVE_TAGS = new Set(["#FLAGGA", "#FORMAT", "#PROGRAM", "#GEN", "#FNAMN", "#ORGNR", "#RAR", "#KONTO", "#KTYP", "#SRU", "#UNDERDIM"]);

/**
 * The sum of the magnitudes of every amount in a file stays a safe integer in öre, so that every
 * sum of its amounts (a voucher, an account, a class, the year) does too: a file beyond that is
 * refused, never summed into a rounded number.
 */
const MAX_AMOUNT_TALLY = Number.MAX_SAFE_INTEGER;

export function voucherLabel(v: Pick<SieVoucher, "series" | "number" | "date">): string {
  const id = [v.series, v.number].filter((s) => s !== "").join(" ");
  return `Verifikation ${id || "utan serie och nummer"} (${v.date})`;
}

/**
 * Reads a SIE file (any type 1–4) line by line and yields its records; a #VER is yielded whole,
 * with its rows, once its block closes. Only the current voucher is held in memory.
 *
 * Errors (malformed fields, unbalanced vouchers, an unterminated block, a wrong #KSUMMA) do not
 * stop the reading, so that the user gets them all at once; a faulty record is not yielded, and
 * when the input ends a SieFileError listing them is thrown. Consumers that store records as
 * they come must therefore treat the import as all-or-nothing and roll back on that error.
 *
 * Accounts used in #TRANS but missing from a non-empty #KONTO list, and objects missing from
 * their dimension's #OBJEKT list, are warnings, not errors: the standard makes the chart of
 * accounts optional in import files (4I), and the data are still unambiguous without a name.
 */
export class SieParser {
  readonly file: string;
  readonly warnings: SieWarning[] = [];
  warningsOmitted = 0;
  ksumma: KsummaStatus = "absent";
  linesRead = 0;
  bytesRead = 0;
  private readonly errors: SieError[] = [];
  private errorsOmitted = 0;
  private readonly source: LineSource;
  private readonly accounts = new Set<string>();
  private readonly objects = new Map<number, Set<string>>();
  // Reading state between lines: the open #KSUMMA checksum and the #VER being read.
  private crc: Crc32 | null = null;
  private ksummaLine = 0;
  private voucher: SieVoucher | null = null;
  private voucherOpen = false;
  private voucherBroken = false;
  private seenContent = false;
  private amountTally = 0;
  private seenFlagga = false;
  private seenSieType = false;
  private tallyExceeded = false;

  constructor(
    input: SieInput,
    private readonly options: ParseOptions = {},
  ) {
    this.file = describeInput(input, options.name);
    this.source = new LineSource(input, this.file, options.encoding);
  }

  get encoding(): SieEncoding {
    return this.source.encoding ?? "cp437";
  }

  /** The records of each chunk of lines read: one await per chunk, not per record. */
  async *batches(): AsyncGenerator<SieRecord[]> {
    try {
      for await (const lines of this.source.batches()) {
        const out: SieRecord[] = [];
        for (const src of lines) this.handle(src, out);
        if (out.length > 0) yield out;
      }
    } catch (e) {
      // The reader's own refusals (a line over 1 MB, bytes that are no text) reach the user as the file's error.
      if (e instanceof SieError) throw new SieFileError(this.file, [...this.errors, e], this.errorsOmitted);
      throw e;
    }
    this.finish();
  }

  async *records(): AsyncGenerator<SieRecord> {
    for await (const batch of this.batches()) yield* batch;
  }

  private handle(src: SourceLine, out: SieRecord[]): void {
    this.linesRead = src.line;
    this.bytesRead = src.bytesRead;
    if (src.line % PROGRESS_EVERY === 0) this.options.onProgress?.(src.line, src.bytesRead);
    if (this.voucherOpen && this.voucher !== null && this.crc === null) {
      // Nearly every line of a large file is a plain #TRANS row: read those without tokens.
      const t = fastTransaction(src.text, src.line);
      if (t !== null) {
        this.tally(t.amount, src.line, "#TRANS belopp");
        this.checkReferences(t.account, t.objects, src.line, "#TRANS");
        this.voucher.transactions.push(t);
        return;
      }
    }
    let parsed: SieLine | null;
    try {
      parsed = tokenizeLine(src.text);
    } catch (e) {
      if (!(e instanceof SieSyntaxError)) throw e;
      this.error(src.line, "", e.detail);
      if (this.voucherOpen) this.voucherBroken = true;
      return;
    }
    if (parsed === null) return;
    const { tag } = parsed;
    if (src.unterminated && tag !== "}") {
      // A file cut inside a record may still look like one (a field short, a tag cut to an unknown one).
      this.error(src.line, tag, "filen slutar mitt i raden (inget radslut efter den); filen verkar avkortad");
      return;
    }
    if (tag === "#FLAGGA") this.seenFlagga = true;
    else if (tag === "#SIETYP") this.seenSieType = true;
    if (parsed.unterminatedQuote) {
      // A cut text may have swallowed the fields after it (date, quantity): refused, not guessed.
      this.error(src.line, tag, "en text saknar avslutande citattecken");
      if (this.voucherOpen || tag === "#VER") this.voucherBroken = true;
      if (tag !== "#VER") return;
    }
    if (!this.seenContent) {
      this.seenContent = true;
      if (!tag.startsWith("#")) {
        throw new SieFileError(this.file, [
          new SieError(this.file, src.line, "", "filen börjar inte med en SIE-post (#FLAGGA, #FORMAT …); den är inte en SIE-fil"),
        ]);
      }
    }

    if (tag === "#KSUMMA") {
      const given = parsed.fields[0];
      if (this.crc === null && given === undefined) {
        this.crc = new Crc32();
        this.ksummaLine = src.line;
      } else if (given === undefined || given.kind !== "text") {
        this.error(src.line, "#KSUMMA", "kontrollsumman saknas i den avslutande #KSUMMA-posten");
      } else if (this.crc === null) {
        this.error(src.line, "#KSUMMA", "avslutande #KSUMMA utan inledande #KSUMMA i början av filen");
      } else {
        const actual = this.crc.value();
        if (String(actual) !== given.value.replace(/^0+(?=\d)/, "")) {
          this.error(
            src.line,
            "#KSUMMA",
            `kontrollsumman stämmer inte: filen anger ${given.value}, innehållet ger ${actual}; filen har ändrats eller skadats efter exporten`,
          );
        } else {
          this.ksumma = "verified";
        }
        this.crc = null;
        this.ksummaLine = 0;
      }
      return;
    }
    if (this.crc !== null) updateKsumma(this.crc, parsed, this.encoding);

    const f = new Fields(tag, parsed.fields);
    try {
      if (this.voucher !== null && !this.voucherOpen) {
        // The block must follow its #VER directly.
        if (tag === "{") {
          this.voucherOpen = true;
          return;
        }
        this.error(this.voucher.line, "#VER", `${voucherLabel(this.voucher)} saknar block med rader ({ … })`);
        this.voucher = null;
      }
      if (this.voucherOpen && this.voucher !== null) {
        if (tag === "}") {
          this.voucher.endLine = src.line;
          const done: SieVoucher = this.voucher;
          this.voucher = null;
          this.voucherOpen = false;
          if (!this.voucherBroken && this.checkVoucher(done)) out.push(done);
          this.voucherBroken = false;
          return;
        }
        if (tag === "#TRANS" || tag === "#RTRANS" || tag === "#BTRANS") {
          const t = decodeTransaction(f, src.line);
          this.tally(t.amount, src.line, `${tag} belopp`);
          if (t.kind === "TRANS") this.checkReferences(t.account, t.objects, src.line, tag);
          this.voucher.transactions.push(t);
          return;
        }
        if (tag.startsWith("#") && tag !== "#VER") return; // unknown rows inside a block are skipped
        this.error(this.voucher.line, "#VER", `${voucherLabel(this.voucher)}: blocket avslutas aldrig med "}" (rad ${src.line} kommer före)`);
        this.voucher = null;
        this.voucherOpen = false;
        this.voucherBroken = false;
      }
      if (tag === "#VER") {
        this.voucher = decodeVoucherHead(f, src.line);
        return;
      }
      if (tag === "{" || tag === "}") {
        this.error(src.line, "", `"${tag}" utanför ett #VER-block`);
        return;
      }
      if (tag === "#TRANS" || tag === "#RTRANS" || tag === "#BTRANS") {
        this.error(src.line, tag, "raden står utanför ett #VER-block");
        return;
      }
      if (tag === "") {
        this.warn(src.line, "", "raden börjar inte med en etikett (#…) och hoppas över");
        return;
      }
      const record = decodeRecord(f, src.line);
      if (record === null) return;
      if ("amount" in record) this.tally(record.amount, src.line, `${tag} saldo`);
      this.remember(record);
      out.push(record);
    } catch (e) {
      if (!(e instanceof SieFieldError)) throw e;
      if (DESCRIPTIVE_TAGS.has(tag)) {
        this.warn(src.line, e.field, `${e.detail}; posten hoppas över`);
        return;
      }
      this.error(src.line, e.field, e.detail);
      this.voucherBroken ||= this.voucherOpen || tag === "#VER";
      if (tag === "#VER") {
        // Keep a stand-in so that the block that follows is consumed, not reported line by line.
        this.voucher = { type: "VER", line: src.line, series: "", number: "", date: "?", text: "", transactions: [], endLine: src.line };
      }
    }
  }

  private finish(): void {
    if (!this.seenContent) this.error(0, "", "filen är tom: den innehåller inga SIE-poster");
    else {
      if (!this.seenFlagga) this.error(0, "#FLAGGA", "filen saknar #FLAGGA, som varje SIE-fil börjar med; den är avkortad eller inte en SIE-fil");
      if (!this.seenSieType) this.error(0, "#SIETYP", "filen saknar #SIETYP; vilken sorts SIE-fil den är går inte att veta");
    }
    if (this.voucher !== null) {
      this.error(this.voucher.line, "#VER", `${voucherLabel(this.voucher)}: blocket avslutas aldrig med "}" innan filen tar slut`);
    }
    if (this.crc !== null) {
      this.error(this.ksummaLine, "#KSUMMA", "filen slutar utan den avslutande #KSUMMA-posten med kontrollsumman");
    }
    this.options.onProgress?.(this.linesRead, this.bytesRead);
    if (this.errors.length > 0) throw new SieFileError(this.file, this.errors, this.errorsOmitted);
  }

  private remember(record: SieRecord): void {
    if (record.type === "KONTO") this.accounts.add(record.account);
    else if (record.type === "OBJEKT") {
      let codes = this.objects.get(record.dimension);
      if (!codes) this.objects.set(record.dimension, (codes = new Set()));
      codes.add(record.code);
    } else if (record.type === "FORMAT" && /^UTF-?8$/i.test(record.format)) {
      this.source.declareEncoding("utf8");
    }
  }

  private tally(amount: number, line: number, field: string): void {
    this.amountTally += Math.abs(amount);
    if (this.amountTally > MAX_AMOUNT_TALLY && !this.tallyExceeded) {
      this.tallyExceeded = true;
      this.error(line, field, "filens belopp summerar till mer än 90 071 992 547 409,91 kr; summor så stora kan inte räknas exakt och filen läses inte");
    }
  }

  private checkVoucher(v: SieVoucher): boolean {
    let sum = 0;
    for (const t of v.transactions) if (t.kind === "TRANS") sum += t.amount;
    if (sum !== 0) {
      this.error(v.line, "#VER", `${voucherLabel(v)} balanserar inte: differens ${formatKronor(sum)}`);
      return false;
    }
    return true;
  }

  private checkReferences(account: string, objects: readonly { dimension: number; code: string }[], line: number, tag: string): void {
    if (this.accounts.size > 0 && !this.accounts.has(account)) {
      this.warn(line, `${tag} kontonr`, `konto ${account} finns inte i filens kontoplan (#KONTO)`);
    }
    for (const o of objects) {
      const codes = this.objects.get(o.dimension);
      if (codes && !codes.has(o.code)) {
        this.warn(line, `${tag} objektlista`, `objekt "${o.code}" i dimension ${o.dimension} finns inte bland filens #OBJEKT`);
      }
    }
  }

  private error(line: number, field: string, detail: string): void {
    if (this.errors.length >= (this.options.maxErrors ?? 100)) this.errorsOmitted++;
    else this.errors.push(new SieError(this.file, line, field, detail));
  }

  warn(line: number, field: string, message: string): void {
    if (this.warnings.length >= (this.options.maxWarnings ?? 1000)) this.warningsOmitted++;
    else this.warnings.push({ file: this.file, line, field, message });
  }
}

/** Convenience: the records of a SIE file; see SieParser for the error behaviour. */
export function parseSie(input: SieInput, options?: ParseOptions): AsyncGenerator<SieRecord> {
  return new SieParser(input, options).records();
}
