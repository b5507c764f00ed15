import { describeChainReport, verifyAuditChain } from "../../db/queries/audit-chain";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

export const auditHelp = `fordela audit verify
  Går igenom granskningsloggens hashkedja från första posten och räknar om varje posts hash.
  Skriver ut att kedjan är obruten (slutkod 0) eller vilken post som först har ändrats,
  lagts in eller tagits bort (slutkod 1).`;

export async function auditCommand(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub !== "verify") throw new CliError(`Okänt underkommando "${sub ?? ""}".\n${auditHelp}`);
  const opened = await openAppDatabase();
  try {
    const report = await verifyAuditChain(opened.db);
    if (report.problem) throw new CliError(describeChainReport(report), 1);
    console.log(describeChainReport(report));
  } finally {
    await opened.close();
  }
}
