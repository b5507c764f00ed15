import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatAmount } from "../../core/money";
import type { Db } from "../../db/connect";
import { getBudgetDocument, listBudgetDocuments } from "../../db/queries/budgets";
import type { BudgetDocumentKind } from "../../db/schema-budgets";
import { budgetDocumentPdf, budgetDocumentXlsx } from "../../formats/budget/document";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { listAllocationDocuments, writeAllocationDocument } from "./document-allocation";
import { isGrantDocumentKind, listGrantDocuments, writeGrantDocument } from "./document-grants";

export const documentHelp = `fordela document SLAG ID --format pdf|xlsx --out FIL [--unit kr|tkr|mkr] [--kopia "A;B"] [--utan-bilaga]
fordela document SLAG --list

Skriver beslutsunderlaget (PDF) eller dess tabeller (XLSX) för ett sparat dokument.
SLAG: allocation | budget | frame-change | joint-financing | subscription | grant-decision | internal-decision
--utan-bilaga lämnar ut bilagan med beräkningen per mottagare (allocation)
--unit och --kopia (Kopia till, mottagare åtskilda med semikolon) gäller regeringsbeslut
(grant-decision); --unit även interna beslut (internal-decision).

Exempel:
  fordela document allocation 1 --format pdf --utan-bilaga
  fordela document frame-change --list
  fordela document frame-change 2 --format pdf --out beslutsunderlag.pdf
  fordela document grant-decision 1 --format pdf --kopia "Socialstyrelsen;SKR"
  fordela document internal-decision 1 --format xlsx --unit tkr`;

const kinds: Record<string, BudgetDocumentKind> = {
  budget: "budget",
  "frame-change": "frame_change",
  "joint-financing": "joint_financing",
  subscription: "subscription",
};

const kindNames = () => ["allocation", ...Object.keys(kinds), "grant-decision", "internal-decision"].join(", ");

/** Writes one document to a file; options apply to grant and internal decisions. */
export async function writeDocument(db: Db, kindWord: string, idText: string, format: string, out: string, options: { unit?: string; copyTo?: string; appendix?: boolean } = {}): Promise<string> {
  const kind = kinds[kindWord];
  if (!kind && !isGrantDocumentKind(kindWord) && kindWord !== "allocation") throw new CliError(`Okänt slag "${kindWord}"; välj ${kindNames()}.`);
  if (!/^\d+$/.test(idText)) throw new CliError(`ID "${idText}" är inget nummer.`);
  if (format !== "pdf" && format !== "xlsx") throw new CliError(`--format ska vara pdf eller xlsx, fick "${format}".`);
  if (isGrantDocumentKind(kindWord)) return writeGrantDocument(db, kindWord, Number(idText), format, out, options);
  if (kindWord === "allocation") return writeAllocationDocument(db, Number(idText), format, out, { appendix: options.appendix ?? true });
  if (!kind) throw new CliError(`Okänt slag "${kindWord}".`);
  const saved = await getBudgetDocument(db, Number(idText));
  if (!saved || saved.kind !== kind) throw new CliError(`Det finns ingen ${kindWord} med ID ${idText}; se "fordela document ${kindWord} --list".`, 1);
  writeFileSync(out, format === "pdf" ? await budgetDocumentPdf(saved) : await budgetDocumentXlsx(saved));
  return `Skrev ${out} (${saved.title}, ${saved.status === "decided" ? "beslutad" : "förslag"}, version ${saved.version}).`;
}

export async function documentCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "pdf" }, out: { type: "string" }, list: { type: "boolean", default: false }, unit: { type: "string" }, kopia: { type: "string" }, "utan-bilaga": { type: "boolean", default: false } },
  });
  const [kindWord, idText] = positionals;
  if (!kindWord) throw new CliError(`Ange slag.\n\n${documentHelp}`);
  const opened = await openAppDatabase();
  try {
    if (values.list && isGrantDocumentKind(kindWord)) {
      for (const line of await listGrantDocuments(opened.db, kindWord)) console.log(line);
      return;
    }
    if (values.list && kindWord === "allocation") {
      for (const line of await listAllocationDocuments(opened.db)) console.log(line);
      return;
    }
    if (values.list) {
      const kind = kinds[kindWord];
      if (!kind) throw new CliError(`Okänt slag "${kindWord}"; välj ${kindNames()}.`);
      for (const d of await listBudgetDocuments(opened.db, kind, "all")) {
        console.log(`${String(d.id).padStart(4)}  ${d.year}  ${d.status === "decided" ? "beslutad" : "förslag "}  v${d.version}  ${formatAmount(d.totalOre, "kr").padStart(18)}  ${d.organisationName}: ${d.title}`);
      }
      return;
    }
    if (!idText) throw new CliError("Ange dokumentets ID (se --list).");
    const out = values.out ?? `${kindWord}-${idText}.${values.format}`;
    console.log(await writeDocument(opened.db, kindWord, idText, values.format!, out, { unit: values.unit, copyTo: values.kopia, appendix: !values["utan-bilaga"] }));
  } finally {
    await opened.close();
  }
}
