import { BigDecimal, parseDecimal, type Decimal } from "./decimal";
import type { ValueType } from "./types";

// Event payloads come from POS and API clients that send numbers as text ("120.50") and flags as
// "Yes"/"true". Each attribute is read as its declared type; a value that cannot be read as that
// type counts as null (absent), so a condition never sees a number where it expects text.

export type RuntimeValue = Decimal | string | boolean | null;

export function toDecimal(v: unknown): Decimal | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseDecimal(v);
  if (typeof v === "bigint") return parseDecimal(v.toString());
  if (v instanceof BigDecimal) return v;
  return null;
}

export function toText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "bigint") return v.toString();
  return null;
}

const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "no", "n", "0"]);

export function toBoolean(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const word = v.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return null;
  }
  if (v === 1 || v === 0) return v === 1;
  return null;
}

/** Dates are epoch milliseconds at run time; accepts Date, ISO text or epoch milliseconds. */
export function toDateMs(v: unknown): number | null {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? t : null;
  }
  if (typeof v === "string") {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  // ±8.64e15 ms is the range a JavaScript Date can represent; beyond it every date method gives NaN.
  if (typeof v === "number") return Math.abs(v) <= MAX_DATE_MS ? v : null;
  return null;
}

const MAX_DATE_MS = 8.64e15;

export type Coercer = (v: unknown) => RuntimeValue;

export const COERCE: Readonly<Record<ValueType, Coercer>> = {
  number: toDecimal,
  string: toText,
  boolean: toBoolean,
  date: toDateMs,
};

/** Reads an own property of a plain object; anything else (arrays' prototype, null, primitives) is absent. */
export function readField(holder: unknown, key: string): unknown {
  if (holder === null || typeof holder !== "object") return undefined;
  return Object.prototype.hasOwnProperty.call(holder, key) ? (holder as Record<string, unknown>)[key] : undefined;
}
