import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { acceptAccountSuggestion } from "../../app/followup/accept-account-suggestion";
import { readAccountSuggestion } from "../../app/followup/read-account-suggestion";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";
import { organisationId } from "./import-ledger";

export const accountsHelp = `fordela accounts suggest --org KOD [--accept] [--format table|json]
  Förslag ur de importerade kontonamnen (#KONTO) och kontotyperna (#KTYP): vilka intäktskonton som är
  solidarisk finansiering och vilka konton utanför BAS-klass 3 som är intäkter. --accept sparar förslaget
  bland organisationens kontoklasser (som "Godta förslaget" i webben).`;

const TREATMENT = { jointFinancing: "solidarisk finansiering", otherIncome: "övriga intäkter" } as const;

export async function accountsCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what !== "suggest") throw new CliError(`Okänt underkommando "${what ?? ""}".\n${accountsHelp}`);
  const { values } = parseArgs({ args: rest, options: { org: { type: "string" }, accept: { type: "boolean", default: false }, format: { type: "string", default: "table" } } });
  if (!["table", "json"].includes(values.format!)) throw new CliError(`Okänt format "${values.format}": välj table eller json.`);
  const opened = await openAppDatabase();
  try {
    const org = await organisationId(opened.db, values.org);
    const actor = systemActor();
    const suggestion = await readAccountSuggestion(opened.db, actor, { organisationId: org });
    const accepted = values.accept && suggestion.additions.length > 0 ? await acceptAccountSuggestion(opened.db, actor, { organisationId: org, basis: suggestion.basis }) : undefined;
    if (values.format === "json") return void console.log(JSON.stringify({ ...suggestion, accepted: accepted?.added ?? [] }, null, 2));
    const changes = suggestion.rows.filter((r) => r.change);
    if (changes.length === 0) console.log("Inget att föreslå: kontoklasserna räknar redan kontona så som kontoplanen tyder på.");
    for (const r of changes) console.log(`${r.account}  ${r.name}  →  ${TREATMENT[r.treatment]} (${r.reason})`);
    const already = suggestion.rows.filter((r) => !r.change);
    if (already.length > 0) console.log(`Räknas redan som övriga intäkter: ${already.map((r) => `${r.account} ${r.name}`).join(", ")}.`);
    if (accepted) console.log(`Förslaget är sparat: ${accepted.added.length} kontointervall tillagda.`);
    else if (changes.length > 0) console.log("Kör med --accept för att spara förslaget.");
  } finally {
    await opened.close();
  }
}
