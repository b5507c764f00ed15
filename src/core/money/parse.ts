import type { Ore } from "../allocation/types";
import { MoneyError } from "./errors";
import { normaliseNumberText } from "./normalise";
import { isUnitWord, parseUnit, unitToOre, type InputUnit } from "./units";

export interface ParseAmountOptions {
  /** Unit for text without one, "-663 740" say. Defaults to kr. */
  defaultUnit?: InputUnit;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const GROUPED = /^\d{1,3}( \d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Reads a Swedish amount ("1 640 tkr", "- 1 417 342", "2,5 mkr", "5 039 944 kronor") as whole öre.
 * Exact: the decimal part is read as an integer and scaled, never through floating point.
 * Throws MoneyError for anything a person could read two ways or that is not a whole öre.
 */
export function parseAmount(text: string, options: ParseAmountOptions = {}): Ore {
  if (typeof text !== "string") {
    throw new MoneyError("malformed", String(text), `Beloppet måste vara text, fick ${typeof text}.`);
  }
  const quoted = `"${text}"`;
  let rest = normaliseNumberText(text);
  if (rest === "") throw new MoneyError("empty", text, "Beloppet är tomt.");

  let negative = false;
  const signMatch = /^([-+]) *(.*)$/.exec(rest);
  if (signMatch) {
    negative = signMatch[1] === "-";
    rest = signMatch[2] ?? "";
  }

  const numberMatch = /^(\d[\d ,.]*)(.*)$/.exec(rest);
  if (!numberMatch) {
    throw new MoneyError("malformed", text, `Beloppet ${quoted} börjar inte med en siffra.`);
  }
  const numberText = (numberMatch[1] ?? "").trimEnd();
  const unitText = (numberMatch[2] ?? "").trim();

  if (numberText.includes(".")) {
    throw new MoneyError(
      "ambiguous-separator",
      text,
      `Beloppet ${quoted} är tvetydigt: punkt kan betyda både tusentalsavgränsare och decimaltecken. ` +
        `Använd komma för decimaler och mellanslag för tusental, till exempel "1 640" eller "1,64".`,
    );
  }
  const commaParts = numberText.split(",");
  if (commaParts.length > 2) {
    throw new MoneyError(
      "ambiguous-separator",
      text,
      `Beloppet ${quoted} har flera kommatecken. Komma är decimaltecken; skriv tusental med mellanslag, till exempel "1 640 000".`,
    );
  }
  const intText = commaParts[0] ?? "";
  const decText = commaParts[1];
  if (decText !== undefined && !PLAIN.test(decText)) {
    throw new MoneyError(
      "malformed",
      text,
      `Beloppet ${quoted} har ett ogiltigt decimalsteg: efter kommat ska det stå bara siffror, utan mellanslag.`,
    );
  }
  if (!PLAIN.test(intText) && !GROUPED.test(intText)) {
    throw new MoneyError(
      "bad-grouping",
      text,
      `Beloppet ${quoted} har felaktig gruppering: siffrorna ska skrivas i grupper om tre med ett mellanslag emellan, till exempel "5 039 944".`,
    );
  }

  const orePerUnit = readUnit(unitText, text, options.defaultUnit ?? "kr");

  const decimals = decText ?? "";
  const scale = 10n ** BigInt(decimals.length);
  const scaled = BigInt(intText.replace(/ /g, "") + decimals) * BigInt(orePerUnit);
  if (scaled % scale !== 0n) {
    throw new MoneyError(
      "sub-ore",
      text,
      `Beloppet ${quoted} har fler decimaler än hela öre tillåter; avrunda till hela öre först.`,
    );
  }
  const magnitude = scaled / scale;
  if (magnitude > MAX_SAFE) {
    throw new MoneyError(
      "overflow",
      text,
      `Beloppet ${quoted} är för stort för att räknas exakt (högst ${Number.MAX_SAFE_INTEGER} öre).`,
    );
  }
  if (magnitude === 0n) return 0;
  return Number(negative ? -magnitude : magnitude);
}

function readUnit(unitText: string, original: string, defaultUnit: InputUnit): number {
  if (unitText === "") return unitToOre(defaultUnit);
  const quoted = `"${original}"`;
  if (/\d/.test(unitText)) {
    throw new MoneyError(
      "malformed",
      original,
      `Beloppet ${quoted} har siffror efter enheten eller text mitt i talet.`,
    );
  }
  const known = parseUnit(unitText);
  if (known !== null) return known;
  const words = unitText.split(" ");
  const unitWords = words.filter(isUnitWord);
  if (unitWords.length >= 2) {
    throw new MoneyError("multiple-units", original, `Beloppet ${quoted} har mer än en enhet; ange en enda, till exempel "tkr".`);
  }
  throw new MoneyError(
    "unknown-unit",
    original,
    `Beloppet ${quoted} har en okänd enhet "${unitText}"; använd öre, kr, kronor, tkr, mkr, mnkr, miljoner kronor eller mdkr.`,
  );
}
