import type { Rounding } from "./schema";

// Points amounts are exact decimals: the ledger keeps 4 decimals (Decimal(20, 4)), and a POS sends
// amounts as text ("1200.50"). Everything here works on BigInt fixed point, so 10% of 0.3 is
// 0.03, never 0.030000000000000002. Pure and client-safe: the simulator runs it in the browser.

/** Working precision of intermediate results (percent of a value), before rounding. */
const WORK_SCALE = 10;
/** Scale of a points amount in the ledger. */
export const POINTS_SCALE = 4;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A fixed-point number: value = units / 10^WORK_SCALE. */
export type Fixed = bigint;

/** Reads a number or decimal text; null for anything else (absent, NaN, "abc"). */
export function toFixed(value: unknown): Fixed | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "string") text = value.trim();
  else if (typeof value === "bigint") text = value.toString();
  else if (value !== null && typeof value === "object" && typeof (value as { toString?: unknown }).toString === "function" && "coefficient" in value) {
    text = String(value); // lib/expr's BigDecimal prints as plain decimal text
  } else return null;
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > 40) return null;
  const fraction = m[3] ?? "";
  const digits = BigInt((m[2] || "0") + fraction);
  const shift = WORK_SCALE - fraction.length + exponent;
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : roundHalfUp(digits, 10n ** BigInt(-shift));
  return m[1] === "-" ? -magnitude : magnitude;
}

/** `value × percent / 100` at working precision. */
export function percentOf(value: Fixed, percent: Fixed): Fixed {
  return roundHalfUp(value * percent, 100n * 10n ** BigInt(WORK_SCALE));
}

export function sum(values: readonly Fixed[]): Fixed {
  return values.reduce((a, b) => a + b, 0n);
}

export function min(a: Fixed, b: Fixed): Fixed {
  return a < b ? a : b;
}

/**
 * SPEC §5.4 points rounding: FLOOR / CEIL / ROUND (half up) to whole points; ACTUAL keeps the
 * ledger's 4 decimals (rounded half up beyond them). Negative amounts never reach here: an
 * allocation on a negative value awards nothing.
 */
export function roundPoints(value: Fixed, rounding: Rounding): Fixed {
  const unit = 10n ** BigInt(WORK_SCALE);
  const step = rounding === "ACTUAL" ? 10n ** BigInt(WORK_SCALE - POINTS_SCALE) : unit;
  const whole = value / step;
  const rest = value % step;
  let q = whole;
  if (rest !== 0n) {
    if (rounding === "CEIL") q = value > 0n ? whole + 1n : whole;
    else if (rounding === "FLOOR") q = value < 0n ? whole - 1n : whole;
    else q = roundHalfUp(value, step);
  }
  return q * step;
}

/** Decimal text without trailing zeros: "120", "0.05". */
export function formatFixed(value: Fixed): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(WORK_SCALE + 1, "0");
  const whole = digits.slice(0, digits.length - WORK_SCALE);
  const fraction = digits.slice(digits.length - WORK_SCALE).replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (fraction ? `.${fraction}` : "");
}

export const ZERO: Fixed = 0n;

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}
