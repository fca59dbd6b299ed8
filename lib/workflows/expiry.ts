import type { Expiry, PeriodUnit } from "./schema";

// When points awarded by an allocation expire (SPEC §8 "Expiry"). EVENT_DATE: a fixed validity
// after the event. ROLLING: the same date for this award; the ledger also moves the expiry of the
// owner's other rolling lots to it (that part is the ledger's, not this function's). Dates are UTC
// so the simulator in the browser and the engine on the server agree.

/** The program's own expiry, used where an action says PROGRAM_DEFAULT; absent means "never". */
export type ResolvedExpiry = Exclude<Expiry, { type: "PROGRAM_DEFAULT" }>;

export interface ExpiryOutcome {
  /** The rule that applied after PROGRAM_DEFAULT was resolved. */
  readonly type: ResolvedExpiry["type"];
  readonly fromProgramDefault: boolean;
  /** ISO instant, or null for points that never expire. */
  readonly expiresAt: string | null;
  /** ROLLING only: the validity period a rolling event re-applies from its own date. */
  readonly rollingPeriod?: { readonly value: number; readonly unit: PeriodUnit };
}

export function expiryFor(expiry: Expiry, eventDate: Date, programDefault: ResolvedExpiry | undefined): ExpiryOutcome {
  const fromProgramDefault = expiry.type === "PROGRAM_DEFAULT";
  const rule: ResolvedExpiry = expiry.type === "PROGRAM_DEFAULT" ? (programDefault ?? { type: "NEVER" }) : expiry;
  if (rule.type === "NEVER") return { type: "NEVER", fromProgramDefault, expiresAt: null };
  const expiresAt = addPeriod(eventDate, rule.value, rule.unit).toISOString();
  if (rule.type === "ROLLING") return { type: rule.type, fromProgramDefault, expiresAt, rollingPeriod: { value: rule.value, unit: rule.unit } };
  return { type: rule.type, fromProgramDefault, expiresAt };
}

/** Adds days, months or years in UTC; a month step from the 31st lands on the month's last day. */
export function addPeriod(from: Date, value: number, unit: PeriodUnit): Date {
  if (unit === "DAYS") return new Date(from.getTime() + value * 86_400_000);
  const months = unit === "MONTHS" ? value : value * 12;
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
}
