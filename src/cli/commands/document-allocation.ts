import { writeFileSync } from "node:fs";
import { systemActor } from "../../app/actor";
import { exportAllocation } from "../../app/allocations/export-allocation";
import { listVisibleAllocations } from "../../app/allocations/read-allocations";
import { formatAmount } from "../../core/money";
import type { Db } from "../../db/connect";
import { allocationDecisionDocument, allocationDecisionSheets } from "../../formats/allocation-document";
import { renderDecisionPdf } from "../../formats/pdf/decision";
import { writeXlsx } from "../../formats/xlsx/write";

/** Writes a saved allocation's decision document (PDF) or its sheets (XLSX); the export is audited like the web's. */
export async function writeAllocationDocument(db: Db, id: number, format: "pdf" | "xlsx", out: string, options: { appendix: boolean }): Promise<string> {
  const saved = await exportAllocation(db, systemActor("cli"), { id, format, document: true }, async (a) => {
    const file = format === "pdf" ? await renderDecisionPdf(allocationDecisionDocument(a, { appendix: options.appendix })) : await writeXlsx(allocationDecisionSheets(a, options), { title: a.title, creator: a.organisationName });
    writeFileSync(out, file);
    return a;
  });
  return `Skrev ${out} (${saved.title}, ${saved.status === "decided" ? "beslutad" : "utkast"}, version ${saved.version}${options.appendix ? ", med bilaga" : ", utan bilaga"}).`;
}

/** One line per saved allocation for --list. */
export async function listAllocationDocuments(db: Db): Promise<string[]> {
  return (await listVisibleAllocations(db, systemActor("cli"))).map(
    (a) => `${String(a.id).padStart(4)}  ${a.status === "decided" ? "beslutad" : "utkast  "}  v${a.version}  ${formatAmount(a.totalOre, "kr").padStart(18)}  ${a.organisationName}: ${a.title}`,
  );
}
