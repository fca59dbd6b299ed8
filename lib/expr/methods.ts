import { toNumber, type Decimal } from "./decimal";
import { toDateMs, type RuntimeValue } from "./coerce";
import { safeMatches } from "./regex-guard";
import type { ValueType } from "./types";

// Methods called with dot notation on a value (SPEC §5.3 "String and null operators" and the
// joinDate methods). Each entry is both the checker's signature and the evaluator's code, so the
// two cannot drift apart. Dates are read in UTC; "now" is the event time, `now` in the context.

export interface ParamSpec {
  readonly name: string;
  readonly types: readonly ValueType[];
  /** The argument must be written as a literal (so `matches` can vet its pattern when checked). */
  readonly literal?: boolean;
}

export interface MethodDef {
  readonly name: string;
  /** "any" for the null methods, which work on every attribute. */
  readonly receiver: ValueType | "any";
  readonly params: readonly ParamSpec[];
  readonly returns: ValueType;
  readonly description: string;
  /** Called with a non-null receiver (unless receiver is "any") and the evaluated arguments. */
  readonly run: (receiver: RuntimeValue, args: readonly RuntimeValue[], nowMs: () => number) => RuntimeValue;
}

const DAY_MS = 86_400_000;
const TEXT: readonly ValueType[] = ["string"];
const NUMBER: readonly ValueType[] = ["number"];
const DATE_OR_TEXT: readonly ValueType[] = ["date", "string"];

const NULL_METHODS: readonly MethodDef[] = [
  { name: "isNull", receiver: "any", params: [], returns: "boolean", description: "true when the attribute is absent (null).", run: (r) => r === null },
  { name: "isNotNull", receiver: "any", params: [], returns: "boolean", description: "true when the attribute has a value.", run: (r) => r !== null },
  { name: "exists", receiver: "any", params: [], returns: "boolean", description: "Same as isNotNull(): the event carries the attribute.", run: (r) => r !== null },
  { name: "notExists", receiver: "any", params: [], returns: "boolean", description: "Same as isNull().", run: (r) => r === null },
  { name: "isEmpty", receiver: "any", params: [], returns: "boolean", description: 'true when absent or empty text ("").', run: (r) => r === null || r === "" },
];

const STRING_METHODS: readonly MethodDef[] = [
  {
    name: "contains",
    receiver: "string",
    params: [{ name: "text", types: TEXT }],
    returns: "boolean",
    description: "true when the text contains the given text (case-sensitive).",
    run: (r, [t]) => typeof r === "string" && typeof t === "string" && r.includes(t),
  },
  {
    name: "matches",
    receiver: "string",
    params: [{ name: "pattern", types: TEXT, literal: true }],
    returns: "boolean",
    description: "true when the whole text matches the regular expression (see regex-guard.ts for limits).",
    run: (r, [p]) => typeof r === "string" && typeof p === "string" && safeMatches(r, p),
  },
];

const DATE_METHODS: readonly MethodDef[] = [
  { name: "day", receiver: "date", params: [], returns: "number", description: "Day of the week, 1 = Monday … 7 = Sunday.", run: (r) => isoWeekday(r as number) },
  { name: "dayOfMonth", receiver: "date", params: [], returns: "number", description: "Day of the month, 1–31.", run: (r) => new Date(r as number).getUTCDate() },
  { name: "month", receiver: "date", params: [], returns: "number", description: "Month, 1 = January … 12 = December.", run: (r) => new Date(r as number).getUTCMonth() + 1 },
  { name: "year", receiver: "date", params: [], returns: "number", description: "Four-digit year.", run: (r) => new Date(r as number).getUTCFullYear() },
  { name: "isWeekday", receiver: "date", params: [], returns: "boolean", description: "Monday to Friday.", run: (r) => isoWeekday(r as number) <= 5 },
  { name: "isWeekend", receiver: "date", params: [], returns: "boolean", description: "Saturday or Sunday.", run: (r) => isoWeekday(r as number) >= 6 },
  { name: "isValid", receiver: "date", params: [], returns: "boolean", description: "true when the attribute holds a valid date.", run: (r) => typeof r === "number" && Number.isFinite(r) },
  {
    name: "isAfter",
    receiver: "date",
    params: [{ name: "date", types: DATE_OR_TEXT }],
    returns: "boolean",
    description: 'true when the date is after the given date, e.g. isAfter("2024-01-31").',
    run: (r, [d]) => {
      const other = dateArg(d);
      return other !== null && (r as number) > other;
    },
  },
  {
    name: "dateDiff",
    receiver: "date",
    params: [{ name: "date", types: DATE_OR_TEXT }],
    returns: "number",
    description: "Calendar days from this date to the given date (negative when the given date is earlier).",
    run: (r, [d]) => daysBetween(r as number, dateArg(d)),
  },
  {
    name: "daysDiffFromString",
    receiver: "date",
    params: [{ name: "date", types: TEXT }],
    returns: "number",
    description: 'Calendar days from this date to the date written as text, e.g. "2024-12-25".',
    run: (r, [d]) => daysBetween(r as number, dateArg(d)),
  },
  {
    name: "daysDiff",
    receiver: "date",
    params: [],
    returns: "number",
    description: "Calendar days from this date to the event time (`now`).",
    run: (r, _args, now) => daysBetween(r as number, now()),
  },
  {
    name: "isHourBetween",
    receiver: "date",
    params: [{ name: "fromHour", types: NUMBER }, { name: "toHour", types: NUMBER }],
    returns: "boolean",
    description: "true when the hour (0–23) is from fromHour up to, not including, toHour; wraps past midnight when fromHour > toHour.",
    run: (r, [from, to]) => within(new Date(r as number).getUTCHours(), num(from), num(to), false),
  },
  {
    name: "isTimeBetween",
    receiver: "date",
    params: [{ name: "from", types: TEXT }, { name: "to", types: TEXT }],
    returns: "boolean",
    description: 'true when the time of day is between two "HH:mm" times, both included; wraps past midnight.',
    run: (r, [from, to]) => {
      const d = new Date(r as number);
      return within(d.getUTCHours() * 60 + d.getUTCMinutes(), minutes(from), minutes(to), true);
    },
  },
];

export const METHODS: readonly MethodDef[] = [...NULL_METHODS, ...STRING_METHODS, ...DATE_METHODS];

/** The methods a receiver of this type can call. */
export function methodsFor(type: ValueType): readonly MethodDef[] {
  return METHODS.filter((m) => m.receiver === "any" || m.receiver === type);
}

function isoWeekday(ms: number): number {
  const d = new Date(ms).getUTCDay();
  return d === 0 ? 7 : d;
}

function dateArg(v: RuntimeValue | undefined): number | null {
  if (typeof v === "number") return v;
  return typeof v === "string" ? toDateMs(v) : null;
}

function daysBetween(from: number, to: number | null): number | null {
  if (to === null) return null;
  return Math.floor(to / DAY_MS) - Math.floor(from / DAY_MS);
}

function num(v: RuntimeValue | undefined): number | null {
  return v === undefined || v === null || typeof v === "string" || typeof v === "boolean" ? null : toNumber(v as Decimal);
}

function minutes(v: RuntimeValue | undefined): number | null {
  const m = typeof v === "string" ? /^(\d{1,2}):(\d{2})$/.exec(v.trim()) : null;
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

function within(x: number, from: number | null, to: number | null, inclusiveEnd: boolean): boolean {
  if (from === null || to === null) return false;
  const beforeEnd = inclusiveEnd ? x <= to : x < to;
  return from <= to ? x >= from && beforeEnd : x >= from || beforeEnd;
}
