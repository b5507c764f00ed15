import { UserFacingError } from "../errors";

/** How a recipient is paid: bankgiro, plusgiro, a Swedish bank account or an IBAN. */
export type PayeeKind = "bankgiro" | "plusgiro" | "bank_account" | "iban";

/** An organisation's organisation number and payee, as stored, with the record's revision. */
export interface PaymentDetails extends PayeeDetails {
  organisationNumber: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: Date | string | null;
}

export interface PayeeDetails {
  kind: PayeeKind;
  /** As the recipient writes it: "5050-1055", "4 42 80-6", "8327-9 123 456 789-0", "SE45 5000 0000 0583 9825 7466". */
  number: string;
  /** The bank's name, for a bank account or an IBAN. */
  bank: string | null;
  /** Who holds the account when it is not the recipient itself. */
  holder: string | null;
}

export const payeeKindNames: Record<PayeeKind, string> = { bankgiro: "Bankgiro", plusgiro: "Plusgiro", bank_account: "Bankkonto", iban: "IBAN" };

export class PayeeError extends UserFacingError {
  constructor(message: string) {
    super(message, { status: 400, code: "invalid_payee", where: { field: "payee.number" } });
  }
}

/** The Luhn (modulus 10) check bankgiro and plusgiro numbers end with. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** IBAN's ISO 13616 check: the rearranged number modulo 97 is 1 (computed piecewise, no floats). */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/**
 * Checks and normalises a payee's details, or throws a PayeeError saying what is wrong, in Swedish.
 * Bankgiro (7–8 digits) and plusgiro (2–8 digits) end with a Luhn check digit; a Swedish IBAN has 24
 * characters; a bank account is a clearing number of 4 or 5 digits and an account number of up to
 * 12, whose check digit rules differ by bank, so only their form is checked.
 * @example normalisePayee({ kind: "bankgiro", number: "5050-1055", bank: null, holder: null }).number // "5050-1055"
 */
export function normalisePayee(input: PayeeDetails): PayeeDetails {
  const raw = input.number.trim();
  const digits = raw.replace(/[\s-]/g, "");
  const bank = input.bank?.trim() || null;
  const holder = input.holder?.trim() || null;
  const name = payeeKindNames[input.kind];
  switch (input.kind) {
    case "bankgiro": {
      if (!/^\d{7,8}$/.test(digits)) throw new PayeeError(`${name}numret "${raw}" ska ha 7 eller 8 siffror, t.ex. 5050-1055.`);
      if (!luhnValid(digits)) throw new PayeeError(`${name}numret "${raw}" har fel kontrollsiffra; kontrollera numret.`);
      return { kind: input.kind, number: `${digits.slice(0, -4)}-${digits.slice(-4)}`, bank, holder };
    }
    case "plusgiro": {
      if (!/^\d{2,8}$/.test(digits)) throw new PayeeError(`${name}numret "${raw}" ska ha 2 till 8 siffror, t.ex. 4428-9.`);
      if (!luhnValid(digits)) throw new PayeeError(`${name}numret "${raw}" har fel kontrollsiffra; kontrollera numret.`);
      return { kind: input.kind, number: `${digits.slice(0, -1)}-${digits.slice(-1)}`, bank, holder };
    }
    case "iban": {
      const iban = raw.replace(/\s/g, "").toUpperCase();
      if (iban.startsWith("SE") && iban.length !== 24) throw new PayeeError(`IBAN "${raw}" ska ha 24 tecken för ett svenskt konto (SE och 22 siffror).`);
      if (!ibanValid(iban)) throw new PayeeError(`IBAN "${raw}" är inte giltigt: kontrollsiffrorna stämmer inte.`);
      if (!bank) throw new PayeeError("Ange bankens namn för IBAN-kontot.");
      return { kind: input.kind, number: iban.replace(/(.{4})/g, "$1 ").trim(), bank, holder };
    }
    case "bank_account": {
      const m = /^(\d{4}(?:-\d)?)\s*[,\s]\s*([\d\s-]{1,20})$/.exec(raw);
      const account = m?.[2]!.replace(/[\s-]/g, "");
      if (!m || !account || account.length > 12) throw new PayeeError(`Bankkontot "${raw}" skrivs som clearingnummer (4 siffror, Swedbank 5: 8327-9) och kontonummer (högst 12 siffror), t.ex. 8327-9, 123 456 789.`);
      if (!bank) throw new PayeeError("Ange bankens namn för bankkontot.");
      return { kind: input.kind, number: `${m[1]}, ${account}`, bank, holder };
    }
  }
}

/** "Bankgiro 5050-1055" or "Bankkonto 8327-9, 123456789 (Swedbank)". */
export function payeeText(p: PayeeDetails): string {
  const bank = p.bank ? ` (${p.bank})` : "";
  const holder = p.holder ? `, kontohavare ${p.holder}` : "";
  return `${payeeKindNames[p.kind]} ${p.number}${bank}${holder}`;
}
