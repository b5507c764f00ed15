import { parseArgs } from "node:util";
import { todayInSweden } from "../../core/grants/dates";
import type { Db } from "../../db/connect";
import { getDecision, listAgreements, listDecisions, type Decision } from "../../db/queries/grants-decisions";
import { recipientGrants } from "../../db/queries/grants-recipients";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";
import { agreementsText, decisionText, partDeadlines, recipientText } from "./grants-text";

export const grantsHelp = `fordela grants list|show|recipient [flaggor] [--format table|json]

Statsbidragsregistret i terminalen:
  list                          överenskommelser och regeringsbeslut med totaler och summakontroll
  show DIARIENUMMER|ID          ett regeringsbeslut med delar och tidsfrister (t.ex. S2023/00488)
  recipient KOD [--today DATUM] en mottagares bidrag: rätt till, rekvirerat, mottaget, förbrukat,
                                outnyttjat, att återbetala och vad som ska göras härnäst (KOD: 23, SVR-…)
  --today ÅÅÅÅ-MM-DD            räkna dagar och status som om i dag vore detta datum
  --format json                 maskinläsbart i stället för tabell
  report KOD                    samordnarens översikt och rekvisition/ekonomisk redovisning
                                (se "fordela grants report --help")
  payment KOD --orgnr … --bankgiro …   organisationsnummer och utbetalningsuppgifter för rekvisitionen
  carry-forward KOD --part ID --to-part ID --diary … --decided … --deadline …
                                bidragsgivarens medgivande att outnyttjade medel används nästa år`;

async function findDecision(db: Db, ref: string): Promise<Decision> {
  const byId = /^\d+$/.test(ref) ? await getDecision(db, Number(ref)) : undefined;
  if (byId) return byId;
  const matches = (await listDecisions(db, "all")).filter((d) => d.diaryNumber?.toLowerCase() === ref.toLowerCase());
  if (matches.length === 0) throw new CliError(`Regeringsbeslutet "${ref}" finns inte; ange diarienummer (t.ex. S2023/00488) eller id från "fordela grants list".`, 1);
  if (matches.length > 1) throw new CliError(`Diarienumret "${ref}" finns på flera beslut (id ${matches.map((d) => d.id).join(", ")}); ange id.`, 1);
  return matches[0]!;
}

export async function grantsCommand(args: string[]): Promise<void> {
  if (args[0] === "report") return (await import("./grants-report")).grantsReportCommand(args.slice(1));
  if (args[0] === "payment") return (await import("./grants-closing")).grantsPaymentCommand(args.slice(1));
  if (args[0] === "carry-forward") return (await import("./grants-closing")).grantsCarryForwardCommand(args.slice(1));
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { today: { type: "string" }, format: { type: "string", default: "table" } } });
  const [sub, ref, ...extra] = positionals;
  if (!sub || !["list", "show", "recipient"].includes(sub)) throw new CliError(`Okänt underkommando "${sub ?? ""}".\n\n${grantsHelp}`);
  if ((sub === "list" && ref !== undefined) || extra.length > 0) throw new CliError(`För många argument: ${[ref, ...extra].filter(Boolean).join(" ")}.\n\n${grantsHelp}`);
  if (sub !== "list" && !ref) throw new CliError(`fordela grants ${sub}: ange ${sub === "show" ? "diarienummer eller id" : "mottagarens kod, t.ex. 23"}.`);
  if (!["table", "json"].includes(values.format!)) throw new CliError(`--format: "${values.format}" ska vara table eller json.`);
  dateOption("--today", values.today);
  const json = values.format === "json";
  const today = values.today ?? todayInSweden();
  const opened = await openAppDatabase();
  try {
    const db = opened.db;
    if (sub === "list") {
      const [agreements, decisions] = await Promise.all([listAgreements(db), listDecisions(db, "all")]);
      if (json) console.log(JSON.stringify(agreements.map((a) => ({ ...a, decisions: decisions.filter((d) => d.agreementId === a.id).map(({ parts: _parts, ...d }) => d) })), null, 2));
      else console.log(agreementsText(agreements, decisions));
    } else if (sub === "show") {
      const decision = await findDecision(db, ref!);
      if (json) console.log(JSON.stringify({ ...decision, parts: decision.parts.map((p) => ({ ...p, deadlines: partDeadlines(p, today) })) }, null, 2));
      else console.log(decisionText(decision, today));
    } else {
      const org = await db.selectFrom("organisations").select(["code", "name"]).where("code", "=", ref!).executeTakeFirst();
      if (!org) throw new CliError(`Organisationen "${ref}" finns inte; ange en kod som 23 (länskod), SVR-… eller SKR.`, 1);
      const grants = await recipientGrants(db, { recipientCodes: [org.code], draftOrganisations: "all" }, today);
      if (json) console.log(JSON.stringify({ organisation: org, today, grants }, null, 2));
      else console.log(recipientText(org, grants, today));
    }
  } finally {
    await opened.close();
  }
}
