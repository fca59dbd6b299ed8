import { z } from "zod";

// Single Rolling Expiry (SPEC §0, §8): one org-wide setting, stored as the OrgConfig
// SINGLE_ROLLING_EXPIRY. Client-safe: the points form and the config registry share it.

/**
 * Customer activities that can roll points (SPEC §5.2). "Target period elapses" is left out on
 * purpose: it is a clock event, not something the customer did, so it must not keep points alive.
 */
export const ROLLING_EVENTS = [
  { code: "TransactionAdd", label: "Makes a transaction" },
  { code: "TransactionUpdate", label: "Updates a transaction" },
  { code: "TransactionReturn", label: "Returns a transaction" },
  { code: "CustomerRegistration", label: "Gets enrolled in the program" },
  { code: "CustomerUpdate", label: "Updates customer profile" },
  { code: "PointsRedemption", label: "Redeems points" },
  { code: "CouponRedemption", label: "Redeems a coupon" },
  { code: "PointsTransfer", label: "Transfers points" },
  { code: "PromisedPointsConversion", label: "Promised points get credited" },
  { code: "RedemptionReversal", label: "Redeemed points get reversed" },
  { code: "TierUpgrade", label: "Tier gets upgraded" },
] as const;

export type RollingEvent = (typeof ROLLING_EVENTS)[number]["code"];
const EVENT_CODES = ROLLING_EVENTS.map((e) => e.code) as [RollingEvent, ...RollingEvent[]];

export const ROLLING_UNITS = ["DAYS", "MONTHS"] as const;
export type RollingUnit = (typeof ROLLING_UNITS)[number];

/** Ten years either way: longer windows are a typo, and month arithmetic stays sane. */
export const MAX_PERIOD: Record<RollingUnit, number> = { DAYS: 3650, MONTHS: 120 };

const WHOLE = "Enter the rolling period as a whole number.";

// The number input sends text; the API and the stored JSON send a number or null.
const periodSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v)) : v),
  z.number({ message: WHOLE }).int(WHOLE).nullable(),
);

export const singleRollingExpirySchema = z
  .object({
    enabled: z.boolean(),
    period: periodSchema,
    unit: z.enum(ROLLING_UNITS, { message: "Choose Days or Months." }),
    events: z.array(z.enum(EVENT_CODES, { message: "Unknown event." })).transform((list) => [...new Set(list)]),
  })
  .superRefine((value, ctx) => {
    if (value.period !== null) {
      const max = MAX_PERIOD[value.unit];
      if (value.period < 1 || value.period > max) {
        ctx.addIssue({ code: "custom", path: ["period"], message: `Enter a period from 1 to ${max} ${value.unit === "DAYS" ? "days" : "months"}.` });
      }
    }
    if (!value.enabled) return;
    if (value.period === null) {
      ctx.addIssue({ code: "custom", path: ["period"], message: "Enter the rolling period: it is required when Single Rolling Expiry is on." });
    }
    if (value.events.length === 0) {
      ctx.addIssue({ code: "custom", path: ["events"], message: "Choose at least one event that rolls points." });
    }
  });

export type SingleRollingExpiry = z.output<typeof singleRollingExpirySchema>;
export type SingleRollingExpiryInput = z.input<typeof singleRollingExpirySchema>;

export const SINGLE_ROLLING_EXPIRY_DEFAULT: SingleRollingExpiry = { enabled: false, period: null, unit: "MONTHS", events: [] };
