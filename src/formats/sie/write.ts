import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Ore } from "../../core/allocation/types";
import { encodeText } from "./encoding";
import { Crc32, ksummaText } from "./ksumma";
import type { SieAccountType, SieObjectRef, SieTransaction } from "./records";
import type { SieField } from "./tokenize";
import { formatAmount } from "./values";

type NoLine<T> = Omit<T, "line">;

export interface SieWriteVoucher {
  series: string;
  number: string;
  /** "YYYY-MM-DD". */
  date: string;
  text?: string;
  registeredDate?: string;
  signature?: string;
  transactions: NoLine<SieTransaction>[];
}

export interface SieWriteBalance {
  type: "IB" | "UB" | "RES" | "OIB" | "OUB";
  yearIndex: number;
  account: string;
  /** Only for OIB/OUB. */
  objects?: SieObjectRef[];
  amount: Ore;
  quantity?: string;
}

export interface SieWritePeriodAmount {
  type: "PSALDO" | "PBUDGET";
  yearIndex: number;
  /** "YYYYMM". */
  period: string;
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  quantity?: string;
}

type Many<T> = Iterable<T> | AsyncIterable<T>;

export interface SieWriteDocument {
  /** 1–4; default 4. */
  sieType?: number;
  program: { name: string; version: string };
  /** "YYYY-MM-DD". */
  generated: string;
  generatedBy?: string;
  company: { name: string; orgNumber?: string };
  comment?: string;
  years?: { yearIndex: number; start: string; end: string }[];
  chartType?: string;
  accounts?: Many<{ account: string; name: string; type?: SieAccountType }>;
  dimensions?: { dimension: number; name: string; parent?: number }[];
  objects?: Many<{ dimension: number; code: string; name: string }>;
  balances?: Many<SieWriteBalance>;
  periodAmounts?: Many<SieWritePeriodAmount>;
  vouchers?: Many<SieWriteVoucher>;
}

export interface WriteOptions {
  /** Write #KSUMMA with the CRC-32 of the content. Default false. */
  ksumma?: boolean;
  /** Default "\r\n", as the programs that read SIE files expect. */
  lineEnding?: "\r\n" | "\n";
  /** End the stream when done. Default true. */
  end?: boolean;
}

export interface WriteResult {
  lines: number;
  bytes: number;
  ksumma?: number;
}

/** A text field, always quoted; a word, written bare (numbers, dates, codes without spaces). */
type Out = { t: string } | { w: string } | { list: SieObjectRef[] };
const t = (s: string): Out => ({ t: s });
const w = (s: string | number): Out => ({ w: String(s) });
const sieDate = (iso: string): string => iso.replaceAll("-", "");

const quote = (s: string): string => `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

class LineWriter {
  private buffer: Buffer[] = [];
  private buffered = 0;
  lines = 0;
  bytes = 0;
  crc: Crc32 | null = null;

  constructor(
    private readonly out: Writable,
    private readonly eol: string,
  ) {}

  async line(tag: string, fields: Out[], indent = ""): Promise<void> {
    // Optional trailing fields left undefined by the caller are dropped, inner ones written as "".
    const text = [tag, ...fields.map(format)].join(" ");
    if (this.crc) {
      const parsed: SieField[] = fields.map((f) => ("list" in f ? { kind: "list", items: f.list.flatMap((o) => [String(o.dimension), o.code]) } : { kind: "text", value: "t" in f ? f.t : f.w }));
      this.crc.update(encodeText(ksummaText({ tag, fields: parsed }), "cp437"));
    }
    const bytes = encodeText(indent + text + this.eol, "cp437");
    this.buffer.push(bytes);
    this.buffered += bytes.length;
    this.lines++;
    this.bytes += bytes.length;
    if (this.buffered >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const chunk = Buffer.concat(this.buffer);
    this.buffer = [];
    this.buffered = 0;
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }
}

function format(f: Out): string {
  if ("list" in f) return `{${f.list.map((o) => `${o.dimension} ${quote(o.code)}`).join(" ")}}`;
  if ("t" in f) return quote(f.t);
  return f.w === "" || /[\s"{}]/.test(f.w) ? quote(f.w) : f.w;
}

/** Drops undefined trailing fields and turns inner ones into "". */
function trailing(fields: (Out | undefined)[]): Out[] {
  let last = fields.length - 1;
  while (last >= 0 && fields[last] === undefined) last--;
  return fields.slice(0, last + 1).map((f) => f ?? t(""));
}

/**
 * Writes a SIE file (type 4 by default; budgets as #PBUDGET with object lists in type 2–4) in
 * CP437, streaming: vouchers and other lists may be async iterables of any length. With
 * `ksumma`, #KSUMMA follows #FLAGGA and the file ends with `#KSUMMA <CRC-32>`, computed over the
 * same content a reader checks (see ksumma.ts). Characters CP437 lacks are replaced (encoding.ts).
 */
export async function writeSie4(out: Writable, doc: SieWriteDocument, options: WriteOptions = {}): Promise<WriteResult> {
  const lw = new LineWriter(out, options.lineEnding ?? "\r\n");
  await lw.line("#FLAGGA", [w(0)]);
  if (options.ksumma) {
    await lw.line("#KSUMMA", []);
    lw.crc = new Crc32();
  }
  await lw.line("#PROGRAM", [t(doc.program.name), t(doc.program.version)]);
  await lw.line("#FORMAT", [w("PC8")]);
  await lw.line("#GEN", trailing([w(sieDate(doc.generated)), doc.generatedBy === undefined ? undefined : t(doc.generatedBy)]));
  await lw.line("#SIETYP", [w(doc.sieType ?? 4)]);
  if (doc.comment) await lw.line("#PROSA", [t(doc.comment)]);
  if (doc.company.orgNumber) await lw.line("#ORGNR", [w(doc.company.orgNumber)]);
  await lw.line("#FNAMN", [t(doc.company.name)]);
  for (const y of doc.years ?? []) await lw.line("#RAR", [w(y.yearIndex), w(sieDate(y.start)), w(sieDate(y.end))]);
  if (doc.chartType) await lw.line("#KPTYP", [w(doc.chartType)]);
  for await (const a of doc.accounts ?? []) {
    await lw.line("#KONTO", [w(a.account), t(a.name)]);
    if (a.type) await lw.line("#KTYP", [w(a.account), w(a.type)]);
  }
  for (const d of doc.dimensions ?? []) {
    if (d.parent === undefined) await lw.line("#DIM", [w(d.dimension), t(d.name)]);
    else await lw.line("#UNDERDIM", [w(d.dimension), t(d.name), w(d.parent)]);
  }
  for await (const o of doc.objects ?? []) await lw.line("#OBJEKT", [w(o.dimension), t(o.code), t(o.name)]);
  for await (const b of doc.balances ?? []) {
    const objects = b.type === "OIB" || b.type === "OUB" ? [{ list: b.objects ?? [] }] : [];
    await lw.line(`#${b.type}`, trailing([w(b.yearIndex), w(b.account), ...objects, w(formatAmount(b.amount)), q(b.quantity)]));
  }
  for await (const p of doc.periodAmounts ?? []) {
    await lw.line(
      `#${p.type}`,
      trailing([w(p.yearIndex), w(p.period), w(p.account), { list: p.objects }, w(formatAmount(p.amount)), q(p.quantity)]),
    );
  }
  for await (const v of doc.vouchers ?? []) {
    await lw.line(
      "#VER",
      trailing([t(v.series), t(v.number), w(sieDate(v.date)), t(v.text ?? ""), v.registeredDate ? w(sieDate(v.registeredDate)) : undefined, v.signature === undefined ? undefined : t(v.signature)]),
    );
    await lw.line("{", []);
    for (const tr of v.transactions) {
      await lw.line(
        `#${tr.kind}`,
        trailing([
          w(tr.account),
          { list: tr.objects },
          w(formatAmount(tr.amount)),
          tr.date ? w(sieDate(tr.date)) : undefined,
          tr.text === undefined ? undefined : t(tr.text),
          q(tr.quantity),
          tr.signature === undefined ? undefined : t(tr.signature),
        ]),
        "   ",
      );
    }
    await lw.line("}", []);
  }
  let ksumma: number | undefined;
  if (lw.crc) {
    ksumma = lw.crc.value();
    lw.crc = null;
    await lw.line("#KSUMMA", [w(ksumma)]);
  }
  await lw.flush();
  if (options.end ?? true) {
    out.end();
    await once(out, "finish");
  }
  return { lines: lw.lines, bytes: lw.bytes, ...(ksumma === undefined ? {} : { ksumma }) };
}

function q(quantity: string | undefined): Out | undefined {
  return quantity === undefined ? undefined : w(quantity);
}
