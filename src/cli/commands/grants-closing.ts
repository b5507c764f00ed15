import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { decideCarryForward } from "../../app/grants/decide-carry-forward";
import { savePaymentDetails } from "../../app/grants/save-payment-details";
import { payeeKindNames, payeeText, type PayeeKind } from "../../core/grants/payee";
import { formatAmount, parseAmount } from "../../core/money";
import { paymentDetails } from "../../db/queries/grants-closing";
import { openAppDatabase } from "../database";
import { CliError, dateOption } from "../errors";

export const grantsPaymentHelp = `fordela grants payment KOD --orgnr NUMMER (--bankgiro N | --plusgiro N | --bankkonto N --bank NAMN | --iban N --bank NAMN) [--holder NAMN]

Organisationsnummer och var organisationens statsbidrag betalas ut, som står på varje rekvisition.
Bankgiro och plusgiro kontrolleras med kontrollsiffran, IBAN med sin kontrollsumma. Utan annat än
KOD visas de sparade uppgifterna.`;

export const grantsCarryForwardHelp = `fordela grants carry-forward KOD --part ID --to-part ID --diary DIARIENUMMER --decided ÅÅÅÅ-MM-DD --deadline ÅÅÅÅ-MM-DD [--cap BELOPP]

Registrerar bidragsgivarens beslut att mottagarens (KOD) outnyttjade medel i en del (--part) får
användas under ett senare års del (--to-part): beloppet förs dit i stället för att återbetalas.
  --diary      bidragsgivarens diarienummer för medgivandet
  --decided    beslutsdatum
  --deadline   ny sista dag för att använda och redovisa medlen
  --cap        högsta belopp som får föras över (t.ex. "1 200 000 kr"); utan: allt outnyttjat
Delarnas id står i "fordela grants report KOD". Ett medgivande ändras aldrig.`;

const payeeOptions: Record<string, PayeeKind> = { bankgiro: "bankgiro", plusgiro: "plusgiro", bankkonto: "bank_account", iban: "iban" };

/** `fordela grants payment`: shows or saves an organisation's organisation number and payee. */
export async function grantsPaymentCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { orgnr: { type: "string" }, bankgiro: { type: "string" }, plusgiro: { type: "string" }, bankkonto: { type: "string" }, iban: { type: "string" }, bank: { type: "string" }, holder: { type: "string" } },
  });
  const [code, ...extra] = positionals;
  if (!code) throw new CliError(`fordela grants payment: ange organisationens kod, t.ex. 23.\n\n${grantsPaymentHelp}`);
  if (extra.length > 0) throw new CliError(`För många argument: ${extra.join(" ")}.\n\n${grantsPaymentHelp}`);
  const given = Object.keys(payeeOptions).filter((k) => values[k as keyof typeof values] !== undefined);
  const saving = given.length > 0 || values.orgnr !== undefined;
  if (saving && given.length !== 1) throw new CliError(`Ange precis ett av --bankgiro, --plusgiro, --bankkonto och --iban.\n\n${grantsPaymentHelp}`);
  if (saving && !values.orgnr) throw new CliError("--orgnr: ange organisationsnumret, t.ex. 232100-0214.");
  const opened = await openAppDatabase();
  try {
    const db = opened.db;
    const org = await db.selectFrom("organisations").select(["id", "code", "name"]).where("code", "=", code).executeTakeFirst();
    if (!org) throw new CliError(`Organisationen "${code}" finns inte; ange en kod som 23 (länskod), SVR-… eller SKR.`, 1);
    const current = await paymentDetails(db, org.id);
    if (!saving) {
      console.log(current ? `${org.name}: organisationsnummer ${current.organisationNumber}; ${payeeText(current)}` : `${org.name} har inga utbetalningsuppgifter än.\n\n${grantsPaymentHelp}`);
      return;
    }
    const option = given[0]!;
    const kind = payeeOptions[option]!;
    const saved = await savePaymentDetails(db, systemActor(process.env.USER ?? "cli"), {
      organisationCode: org.code,
      organisationNumber: values.orgnr!,
      payee: { kind, number: values[option as keyof typeof values] as string, bank: values.bank ?? null, holder: values.holder ?? null },
      revision: current?.revision ?? 0,
    });
    console.log(`Sparat för ${org.name}: organisationsnummer ${saved.organisationNumber}; ${payeeKindNames[saved.kind].toLowerCase()} ${saved.number}.`);
  } finally {
    await opened.close();
  }
}

function partOption(name: string, value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id <= 0) throw new CliError(`${name}: ange beslutsdelens id (se "fordela grants report KOD").`);
  return id;
}

/** `fordela grants carry-forward`: the grantor's consent that unspent money moves to a later year's part. */
export async function grantsCarryForwardCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { part: { type: "string" }, "to-part": { type: "string" }, diary: { type: "string" }, decided: { type: "string" }, deadline: { type: "string" }, cap: { type: "string" } },
  });
  const [code, ...extra] = positionals;
  if (!code) throw new CliError(`fordela grants carry-forward: ange mottagarens kod, t.ex. 23.\n\n${grantsCarryForwardHelp}`);
  if (extra.length > 0) throw new CliError(`För många argument: ${extra.join(" ")}.\n\n${grantsCarryForwardHelp}`);
  const fromPartId = partOption("--part", values.part);
  const toPartId = partOption("--to-part", values["to-part"]);
  if (!values.diary?.trim()) throw new CliError("--diary: ange diarienumret på bidragsgivarens beslut.");
  if (!values.decided) throw new CliError("--decided: ange beslutsdatum, ÅÅÅÅ-MM-DD.");
  if (!values.deadline) throw new CliError("--deadline: ange den nya sista dagen, ÅÅÅÅ-MM-DD.");
  dateOption("--decided", values.decided);
  dateOption("--deadline", values.deadline);
  const cap = values.cap === undefined ? null : parseAmount(values.cap, { defaultUnit: "kr" });
  const opened = await openAppDatabase();
  try {
    const record = await decideCarryForward(opened.db, systemActor(process.env.USER ?? "cli"), {
      fromPartId,
      toPartId,
      recipientCode: code,
      diaryNumber: values.diary,
      decidedOn: values.decided,
      newDeadline: values.deadline,
      cap,
    });
    const amount = record.cap === null ? "allt outnyttjat" : `högst ${formatAmount(record.cap, "kr")}`;
    console.log(`Medgivande ${record.diaryNumber} registrerat: ${amount} i del ${record.fromPartId} förs till del ${record.toPartId}, att användas senast ${record.newDeadline}.`);
  } finally {
    await opened.close();
  }
}
