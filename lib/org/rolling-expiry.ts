import type { RollingUnit } from "./rolling-expiry-schema";

// Pure date rule of Single Rolling Expiry (SPEC §8): a rolling event moves the expiry of every
// point awarded under a rolling expiry condition to the event date plus the org's period.
// Dates are UTC so the console and the engine agree whatever the server's time zone.

/**
 * The new expiry after a rolling event at `eventAt`. Months keep the day of month and clamp to the
 * month's last day (31 Jan + 1 month = 28/29 Feb), as people read "one month later".
 */
export function rolledExpiry(eventAt: Date, period: number, unit: RollingUnit): Date {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a positive whole number, got ${period}`);
  if (unit === "DAYS") return new Date(eventAt.getTime() + period * 86_400_000);
  const year = eventAt.getUTCFullYear();
  const month = eventAt.getUTCMonth() + period;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(eventAt.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(year, month, day, eventAt.getUTCHours(), eventAt.getUTCMinutes(), eventAt.getUTCSeconds(), eventAt.getUTCMilliseconds()),
  );
}
