// Exact decimal arithmetic for money (SPEC §5.3 examples such as `currentTxn.value%100<10`).
//
// A number is held as a plain JS number whenever that number's shortest printed form IS the
// exact decimal value (at most 15 significant digits: every such decimal survives a round trip
// through a double). Anything else is a BigDecimal (BigInt coefficient + scale). So 0.1 + 0.2
// is computed on scaled integers (1 + 2 tenths) and gives 0.3, and the common case never
// allocates. Comparisons of two JS numbers are exact as they are: rounding to the nearest double
// keeps order, so comparing doubles compares their decimals.
//
// Division keeps DIVISION_SCALE (10) decimal places, rounding halves away from zero; division or
// remainder by zero gives null (see compiler.ts). `%` takes the sign of the dividend, like Java.

export class BigDecimal {
  /** value = coefficient / 10^scale; normalised: no trailing zeros in the coefficient when scale > 0. */
  constructor(
    readonly coefficient: bigint,
    readonly scale: number,
  ) {}

  toString(): string {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString();
    if (this.scale === 0) return (negative ? "-" : "") + digits;
    const padded = digits.padStart(this.scale + 1, "0");
    const cut = padded.length - this.scale;
    return (negative ? "-" : "") + padded.slice(0, cut) + "." + padded.slice(cut);
  }
}

export type Decimal = number | BigDecimal;

export const DIVISION_SCALE = 10;

/** Below this, a scaled integer divided by a power of ten is its own shortest double. */
const FAITHFUL_LIMIT = 1e15;
const MAX_EXACT = 2 ** 53;
const POW10: readonly number[] = Array.from({ length: 32 }, (_, k) => 10 ** k);
const DECIMAL_TEXT = /^\s*([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$|^\s*([+-]?)\.(\d+)\s*$/;

export function isDecimal(v: unknown): v is Decimal {
  return (typeof v === "number" && Number.isFinite(v)) || v instanceof BigDecimal;
}

/** Reads decimal text such as "120.50" exactly; null when it is not a number. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const sign = m[1] ?? m[5] ?? "";
  const whole = m[2] ?? "0";
  const fraction = m[3] ?? m[6] ?? "";
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > 1000) return null;
  let coefficient = BigInt(sign + whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    coefficient *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalise(coefficient, scale);
}

export function decimalToString(d: Decimal): string {
  return typeof d === "number" ? String(d) : d.toString();
}

export function add(a: Decimal, b: Decimal): Decimal {
  if (typeof a === "number" && typeof b === "number") {
    const fast = addFast(a, b);
    if (fast !== undefined) return fast;
  }
  const [x, y, scale] = aligned(a, b);
  return normalise(x + y, scale);
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, negate(b));
}

export function negate(a: Decimal): Decimal {
  return typeof a === "number" ? -a : new BigDecimal(-a.coefficient, a.scale);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  if (typeof a === "number" && typeof b === "number") {
    const ka = decimalPlaces(a);
    const kb = decimalPlaces(b);
    if (ka >= 0 && kb >= 0) {
      const product = Math.round(a * POW10[ka]!) * Math.round(b * POW10[kb]!);
      const k = ka + kb;
      if (Math.abs(product) < FAITHFUL_LIMIT && k < 16) return product / POW10[k]!;
    }
  }
  const x = toBig(a);
  const y = toBig(b);
  return normalise(x.coefficient * y.coefficient, x.scale + y.scale);
}

/** null when dividing by zero. */
export function divide(a: Decimal, b: Decimal): Decimal | null {
  if (isZero(b)) return null;
  if (typeof a === "number" && typeof b === "number") {
    const fast = divideFast(a, b);
    if (fast !== undefined) return fast;
  }
  const x = toBig(a);
  const y = toBig(b);
  // a/b = (x.c / 10^x.s) / (y.c / 10^y.s); scale the numerator so the quotient has DIVISION_SCALE places.
  const numerator = x.coefficient * 10n ** BigInt(y.scale + DIVISION_SCALE);
  const denominator = y.coefficient * 10n ** BigInt(x.scale);
  return normalise(roundedQuotient(numerator, denominator), DIVISION_SCALE);
}

/** Remainder with the sign of the dividend; null when dividing by zero. */
export function remainder(a: Decimal, b: Decimal): Decimal | null {
  if (isZero(b)) return null;
  if (typeof a === "number" && typeof b === "number") {
    const ka = decimalPlaces(a);
    const kb = decimalPlaces(b);
    if (ka >= 0 && kb >= 0) {
      const k = Math.max(ka, kb);
      const x = Math.round(a * POW10[k]!);
      const y = Math.round(b * POW10[k]!);
      if (Math.abs(x) < FAITHFUL_LIMIT && Math.abs(y) < FAITHFUL_LIMIT) return (x % y) / POW10[k]! || 0;
    }
  }
  const [x, y, scale] = aligned(a, b);
  return normalise(x % y, scale);
}

/** -1, 0 or 1. */
export function compare(a: Decimal, b: Decimal): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: Decimal, b: Decimal): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return compare(a, b) === 0;
}

/** A JS number for display or JSON; may round values beyond double precision. */
export function toNumber(d: Decimal): number {
  return typeof d === "number" ? d : Number(d.toString());
}

function addFast(a: number, b: number): number | undefined {
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return undefined;
  if (ka === 0 && kb === 0) {
    const sum = a + b;
    return Math.abs(sum) < FAITHFUL_LIMIT ? sum : undefined;
  }
  const k = Math.max(ka, kb);
  const p = POW10[k]!;
  const sum = Math.round(a * p) + Math.round(b * p);
  return Math.abs(sum) < FAITHFUL_LIMIT ? sum / p : undefined;
}

/**
 * Quotients that end within DIVISION_SCALE places (money / 100, / 4, …) without BigInt: guess
 * the quotient at each scale and keep it only if multiplying back gives the dividend exactly.
 */
function divideFast(a: number, b: number): number | undefined {
  const ka = decimalPlaces(a);
  const kb = decimalPlaces(b);
  if (ka < 0 || kb < 0) return undefined;
  const x = Math.round(a * POW10[ka]!);
  const y = Math.round(b * POW10[kb]!);
  const q = a / b;
  for (let s = 0; s <= DIVISION_SCALE; s++) {
    const r = Math.round(q * POW10[s]!);
    if (Math.abs(r) >= FAITHFUL_LIMIT) return undefined;
    // r / 10^s * y / 10^kb == x / 10^ka  ⇔  r * y * 10^ka == x * 10^(s + kb); doubles below 2^53 are exact.
    const left = r * y * POW10[ka]!;
    const right = x * POW10[s + kb]!;
    if (Math.abs(left) >= MAX_EXACT || Math.abs(right) >= MAX_EXACT) return undefined;
    if (left === right) return r / POW10[s]!;
  }
  return undefined;
}

/**
 * Number of decimal places of a number's exact decimal value when that value is small enough
 * for the fast path (|a| * 10^places below 1e15); -1 otherwise.
 */
function decimalPlaces(a: number): number {
  if (Number.isInteger(a)) return Math.abs(a) < FAITHFUL_LIMIT ? 0 : -1;
  for (let k = 1; k < 16; k++) {
    const p = POW10[k]!;
    const scaled = a * p;
    if (Math.abs(scaled) >= FAITHFUL_LIMIT) return -1;
    if (Math.round(scaled) / p === a) return k;
  }
  return -1;
}

function isZero(d: Decimal): boolean {
  return typeof d === "number" ? d === 0 : d.coefficient === 0n;
}

function toBig(d: Decimal): BigDecimal {
  // String() gives the shortest text that reads back as the same double: its decimal meaning.
  return typeof d === "number" ? bigFromFaithful(String(d)) : d;
}

function bigFromFaithful(text: string): BigDecimal {
  const m = DECIMAL_TEXT.exec(text);
  const sign = m?.[1] ?? "";
  const whole = m?.[2] ?? "0";
  const fraction = m?.[3] ?? "";
  const exponent = m?.[4] === undefined ? 0 : Number(m[4]);
  let coefficient = BigInt(sign + whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    coefficient *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return new BigDecimal(coefficient, scale);
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const x = toBig(a);
  const y = toBig(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.coefficient * 10n ** BigInt(scale - x.scale), y.coefficient * 10n ** BigInt(scale - y.scale), scale];
}

function roundedQuotient(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twiceR = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  if (twiceR < absD) return q;
  return (n < 0n) !== (d < 0n) ? q - 1n : q + 1n;
}

/** Strips trailing zeros and turns the value back into a JS number when that is exact. */
function normalise(coefficient: bigint, scale: number): Decimal {
  let c = coefficient;
  let s = scale;
  while (s > 0 && c % 10n === 0n) {
    c /= 10n;
    s--;
  }
  const abs = c < 0n ? -c : c;
  if (abs < 1000000000000000n && s < 16) return Number(c) / POW10[s]!;
  return new BigDecimal(c, s);
}
