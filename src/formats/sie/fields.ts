import type { Ore } from "../../core/allocation/types";
import type { SieObjectRef } from "./records";
import type { SieField } from "./tokenize";
import { parseAmount, parseDate, parseInteger, parsePeriod, parseQuantity, SieValueError } from "./values";

/** A field that is missing or malformed; `field` names it ("#TRANS belopp"). */
export class SieFieldError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Typed access to the fields of one line, with the tag in every error. */
export class Fields {
  constructor(
    readonly tag: string,
    readonly fields: readonly SieField[],
  ) {}

  private fail(name: string, detail: string): never {
    throw new SieFieldError(`${this.tag} ${name}`, detail);
  }

  private convert<T>(name: string, value: string, parse: (s: string) => T): T {
    try {
      return parse(value);
    } catch (e) {
      if (e instanceof SieValueError) this.fail(name, e.detail);
      throw e;
    }
  }

  isList(i: number): boolean {
    return this.fields[i]?.kind === "list";
  }

  text(i: number, name: string): string {
    const f = this.fields[i];
    if (f === undefined) this.fail(name, "fältet saknas");
    if (f.kind !== "text") this.fail(name, "en objektlista står där text väntas");
    return f.value;
  }

  /** An optional text field; "" counts as absent, as SIE writes empty optional fields. */
  optText(i: number, name: string): string | undefined {
    const f = this.fields[i];
    if (f === undefined) return undefined;
    if (f.kind !== "text") this.fail(name, "en objektlista står där text väntas");
    return f.value === "" ? undefined : f.value;
  }

  required(i: number, name: string): string {
    const value = this.text(i, name);
    if (value === "") this.fail(name, "fältet är tomt");
    return value;
  }

  /** An account number: digits only, as the standard says (a formula or a word is refused). */
  account(i: number, name: string): string {
    const value = this.required(i, name);
    if (!/^\d{1,20}$/.test(value)) this.fail(name, `kontonumret "${value.length > 40 ? value.slice(0, 40) + "…" : value}" är inte numeriskt`);
    return value;
  }

  int(i: number, name: string): number {
    return this.convert(name, this.required(i, name), (s) => parseInteger(s, name));
  }

  amount(i: number, name: string): Ore {
    return this.convert(name, this.required(i, name), parseAmount);
  }

  date(i: number, name: string): string {
    return this.convert(name, this.required(i, name), parseDate);
  }

  optDate(i: number, name: string): string | undefined {
    const value = this.optText(i, name);
    return value === undefined ? undefined : this.convert(name, value, parseDate);
  }

  period(i: number, name: string): string {
    return this.convert(name, this.required(i, name), parsePeriod);
  }

  optQuantity(i: number, name: string): string | undefined {
    const value = this.optText(i, name);
    return value === undefined ? undefined : this.convert(name, value, parseQuantity);
  }

  objects(i: number, name: string): SieObjectRef[] {
    const f = this.fields[i];
    if (f === undefined) this.fail(name, "objektlistan saknas");
    if (f.kind !== "list") this.fail(name, `"${f.value}" står där en objektlista {…} väntas`);
    if (f.items.length % 2 !== 0) this.fail(name, `objektlistan {${f.items.join(" ")}} ska bestå av par: dimension och objekt`);
    const refs: SieObjectRef[] = [];
    for (let k = 0; k < f.items.length; k += 2) {
      const dimension = this.convert(name, f.items[k]!, (s) => parseInteger(s, "dimensionsnummer"));
      refs.push({ dimension, code: f.items[k + 1]! });
    }
    return refs;
  }
}
