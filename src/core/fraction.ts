import type { FractionText } from "./allocation/types";

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} måste vara ett säkert heltal, fick ${value}`);
  }
  return BigInt(value);
}

/** Floor division for bigint (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/**
 * An exact rational number. Always normalised: lowest terms and a positive denominator,
 * so equal values have equal numerator/denominator and toText() is canonical.
 */
export class Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  static of(numerator: bigint | number, denominator: bigint | number = 1n): Fraction {
    let n = toBigInt(numerator, "Täljaren");
    let d = toBigInt(denominator, "Nämnaren");
    if (d === 0n) throw new RangeError("Nämnaren får inte vara noll");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g > 1n ? new Fraction(n / g, d / g) : new Fraction(n, d);
  }

  static readonly ZERO = Fraction.of(0n);
  static readonly ONE = Fraction.of(1n);

  static fromText(text: FractionText): Fraction {
    const pattern = /^-?\d+$/;
    if (!pattern.test(text.numerator) || !pattern.test(text.denominator)) {
      throw new RangeError(`Ogiltigt bråk: ${text.numerator}/${text.denominator}`);
    }
    return Fraction.of(BigInt(text.numerator), BigInt(text.denominator));
  }

  add(other: Fraction | bigint | number): Fraction {
    const o = asFraction(other);
    return Fraction.of(this.numerator * o.denominator + o.numerator * this.denominator, this.denominator * o.denominator);
  }

  sub(other: Fraction | bigint | number): Fraction {
    return this.add(asFraction(other).neg());
  }

  mul(other: Fraction | bigint | number): Fraction {
    const o = asFraction(other);
    return Fraction.of(this.numerator * o.numerator, this.denominator * o.denominator);
  }

  div(other: Fraction | bigint | number): Fraction {
    const o = asFraction(other);
    if (o.numerator === 0n) throw new RangeError("Division med noll");
    return Fraction.of(this.numerator * o.denominator, this.denominator * o.numerator);
  }

  neg(): Fraction {
    return new Fraction(-this.numerator, this.denominator);
  }

  abs(): Fraction {
    return this.numerator < 0n ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.numerator < 0n ? -1 : this.numerator > 0n ? 1 : 0;
  }

  compare(other: Fraction | bigint | number): -1 | 0 | 1 {
    const o = asFraction(other);
    const l = this.numerator * o.denominator;
    const r = o.numerator * this.denominator;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  equals(other: Fraction | bigint | number): boolean {
    return this.compare(other) === 0;
  }

  isInteger(): boolean {
    return this.denominator === 1n;
  }

  floor(): bigint {
    return floorDiv(this.numerator, this.denominator);
  }

  ceil(): bigint {
    return -floorDiv(-this.numerator, this.denominator);
  }

  /** Largest multiple of unit that is ≤ this. */
  floorTo(unit: bigint): bigint {
    assertUnit(unit);
    return floorDiv(this.numerator, this.denominator * unit) * unit;
  }

  /** Smallest multiple of unit that is ≥ this. */
  ceilTo(unit: bigint): bigint {
    assertUnit(unit);
    return -floorDiv(-this.numerator, this.denominator * unit) * unit;
  }

  /** Nearest multiple of unit; an exact half goes up (toward +∞). */
  roundHalfUpTo(unit: bigint): bigint {
    assertUnit(unit);
    // floor(x/unit + 1/2) = floor((2n + d·unit) / (2·d·unit))
    return floorDiv(2n * this.numerator + this.denominator * unit, 2n * this.denominator * unit) * unit;
  }

  /** Nearest multiple of unit; an exact half goes away from zero (the usual rule for display). */
  roundHalfAwayFromZeroTo(unit: bigint): bigint {
    return this.numerator < 0n ? -this.neg().roundHalfUpTo(unit) : this.roundHalfUpTo(unit);
  }

  toText(): FractionText {
    return { numerator: this.numerator.toString(), denominator: this.denominator.toString() };
  }

  toString(): string {
    return this.denominator === 1n ? this.numerator.toString() : `${this.numerator}/${this.denominator}`;
  }
}

function assertUnit(unit: bigint): void {
  if (unit <= 0n) throw new RangeError("Avrundningsenheten måste vara större än noll");
}

function asFraction(value: Fraction | bigint | number): Fraction {
  return value instanceof Fraction ? value : Fraction.of(value);
}
