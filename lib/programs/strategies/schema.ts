import { z } from "zod";

// A program's own points strategies (SPEC §8, seed 003: "the strategy of one program cannot be
// used in any other program"). Client-safe: the Strategies tab's form and its server action share
// this schema (zodResolver on the client, defineAction on the server); lib/programs/strategies/
// load.ts reads the stored shapes back with the same pieces.

export const ELIGIBILITY_BASES = ["CURRENT_POINTS", "LIFETIME_POINTS", "LIFETIME_PURCHASES"] as const;
export type EligibilityBasis = (typeof ELIGIBILITY_BASES)[number];

export const ELIGIBILITY_LABELS: Record<EligibilityBasis, string> = {
  CURRENT_POINTS: "Current points",
  LIFETIME_POINTS: "Lifetime points",
  LIFETIME_PURCHASES: "Lifetime purchases",
};

export const DEFAULT_EXPIRY_TYPES = ["NEVER", "EVENT_DATE", "ROLLING"] as const;
export const EXPIRY_UNITS = ["DAYS", "MONTHS", "YEARS"] as const;
export type ExpiryUnit = (typeof EXPIRY_UNITS)[number];
/** Same bounds as a workflow action's validity (lib/workflows/schema.ts): longer is a typo. */
export const MAX_EXPIRY: Record<ExpiryUnit, number> = { DAYS: 36_500, MONTHS: 1_200, YEARS: 100 };

/** Points a single redemption may name at most: the ledger's columns hold 16 integer digits. */
export const MAX_POINTS = 1_000_000_000_000;

// Number inputs send text; stored JSON and tests send numbers or null. "" is "not set".
const optionalWhole = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v)) : v),
    z
      .number({ message: `Enter ${what} as a whole number.` })
      .int(`Enter ${what} as a whole number.`)
      .min(1, `${capitalise(what)} must be at least 1.`)
      .max(MAX_POINTS, `${capitalise(what)} must be at most ${MAX_POINTS.toLocaleString("en-US")}.`)
      .nullable(),
  );

const optionalAmount = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v)) : v),
    z
      .number({ message: `Enter ${what} as a number.` })
      .min(0, `${capitalise(what)} cannot be negative.`)
      .max(MAX_POINTS, `${capitalise(what)} must be at most ${MAX_POINTS.toLocaleString("en-US")}.`)
      .nullable(),
  );

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The redemption strategy as stored (PointsStrategy kind REDEMPTION, `config`) and as the rules read it. */
export const redemptionStrategySchema = z.object({
  minimumPoints: z.number().int().min(1),
  maximumPerTransaction: z.number().int().min(1).nullable(),
  multiplesOf: z.number().int().min(1).nullable(),
  eligibility: z.object({ basis: z.enum(ELIGIBILITY_BASES), threshold: z.number().min(0) }).nullable(),
});
export type RedemptionStrategy = z.output<typeof redemptionStrategySchema>;

/** The expiry PROGRAM_DEFAULT allocations follow (PointsStrategy kind EXPIRY); the workflow's ResolvedExpiry shape. */
export const defaultExpirySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("NEVER") }),
  z.object({ type: z.literal("EVENT_DATE"), value: z.number().int().min(1), unit: z.enum(EXPIRY_UNITS) }),
  z.object({ type: z.literal("ROLLING"), value: z.number().int().min(1), unit: z.enum(EXPIRY_UNITS) }),
]);
export type DefaultExpiry = z.output<typeof defaultExpirySchema>;

/** "How much is each point worth?": a positive decimal with up to 10 places (Program.pointsToCurrencyRatio, DECIMAL(20,10)). */
export const RATIO_PATTERN = /^\d{1,10}(\.\d{1,10})?$/;
const ratioSchema = z
  .string()
  .trim()
  .min(1, "Enter how much each point is worth.")
  .regex(RATIO_PATTERN, "Enter the value of a point as a number with at most 10 decimals, e.g. 0.25.")
  .refine((v) => Number(v) > 0, "A point must be worth more than 0.");

/** The Strategies tab's form: one save for the whole tab, flat fields as the inputs send them. */
export const programStrategiesFormSchema = z
  .object({
    programId: z.number().int().positive().max(2_147_483_647),
    pointsToCurrencyRatio: ratioSchema,
    transfersAllowed: z.boolean(),
    redemptionEnabled: z.boolean(),
    minimumPoints: optionalWhole("the minimum points"),
    maximumPerTransaction: optionalWhole("the redemption limit"),
    multiplesOf: optionalWhole("the multiple"),
    eligibilityBasis: z.enum(["NONE", ...ELIGIBILITY_BASES], { message: "Choose what eligibility is based on." }),
    eligibilityThreshold: optionalAmount("the eligibility threshold"),
    expiryType: z.enum(DEFAULT_EXPIRY_TYPES, { message: "Choose when points expire by default." }),
    expiryValue: optionalWhole("the validity period"),
    expiryUnit: z.enum(EXPIRY_UNITS, { message: "Choose days, months or years." }),
  })
  .superRefine((v, ctx) => {
    if (v.expiryType !== "NEVER") {
      if (v.expiryValue === null) ctx.addIssue({ code: "custom", path: ["expiryValue"], message: "Enter the validity period." });
      else if (v.expiryValue > MAX_EXPIRY[v.expiryUnit]) {
        ctx.addIssue({ code: "custom", path: ["expiryValue"], message: `The validity period must be at most ${MAX_EXPIRY[v.expiryUnit]} ${v.expiryUnit.toLowerCase()}.` });
      }
    }
    if (!v.redemptionEnabled) return;
    if (v.minimumPoints === null) ctx.addIssue({ code: "custom", path: ["minimumPoints"], message: "Enter the minimum points to redeem (1 or more)." });
    if (v.minimumPoints !== null && v.maximumPerTransaction !== null && v.maximumPerTransaction < v.minimumPoints) {
      ctx.addIssue({ code: "custom", path: ["maximumPerTransaction"], message: "The redemption limit cannot be below the minimum points." });
    }
    if (v.multiplesOf !== null && v.maximumPerTransaction !== null && v.multiplesOf > v.maximumPerTransaction) {
      ctx.addIssue({ code: "custom", path: ["multiplesOf"], message: "The multiple cannot be above the redemption limit: nothing could be redeemed." });
    }
    if (v.eligibilityBasis !== "NONE" && v.eligibilityThreshold === null) {
      ctx.addIssue({ code: "custom", path: ["eligibilityThreshold"], message: "Enter the threshold the customer must reach." });
    }
  })
  .transform((v) => ({
    programId: v.programId,
    pointsToCurrencyRatio: normaliseRatio(v.pointsToCurrencyRatio),
    transfersAllowed: v.transfersAllowed,
    redemption: v.redemptionEnabled
      ? {
          minimumPoints: v.minimumPoints ?? 1,
          maximumPerTransaction: v.maximumPerTransaction,
          multiplesOf: v.multiplesOf,
          eligibility: v.eligibilityBasis === "NONE" ? null : { basis: v.eligibilityBasis, threshold: v.eligibilityThreshold ?? 0 },
        }
      : null,
    defaultExpiry: (v.expiryType === "NEVER"
      ? { type: "NEVER" }
      : { type: v.expiryType, value: v.expiryValue ?? 1, unit: v.expiryUnit }) satisfies DefaultExpiry as DefaultExpiry,
  }));

export type ProgramStrategiesFormInput = z.input<typeof programStrategiesFormSchema>;
export type ProgramStrategiesUpdate = z.output<typeof programStrategiesFormSchema>;

/** What a program's strategies are, for the tab, the redemption rules and the transfer code. */
export type ProgramStrategies = {
  programId: number;
  programName: string;
  /** Decimal text, up to 10 places, without trailing zeros ("0.25"). */
  pointsToCurrencyRatio: string;
  transfersAllowed: boolean;
  /** Null: the program has none, and refuses redemptions (SPEC §8). */
  redemption: RedemptionStrategy | null;
  /** Null: PROGRAM_DEFAULT allocations never expire. */
  defaultExpiry: DefaultExpiry | null;
};

/** "0.2500000000" → "0.25"; "1.0" → "1". */
export function normaliseRatio(text: string): string {
  const t = text.trim();
  if (!t.includes(".")) return t.replace(/^0+(?=\d)/, "");
  return t.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
}

/** The form's values for stored strategies (the inverse of the schema's transform). */
export function formValuesOf(s: ProgramStrategies): ProgramStrategiesFormInput {
  const r = s.redemption;
  const e = s.defaultExpiry;
  return {
    programId: s.programId,
    pointsToCurrencyRatio: s.pointsToCurrencyRatio,
    transfersAllowed: s.transfersAllowed,
    redemptionEnabled: r !== null,
    minimumPoints: r ? String(r.minimumPoints) : "",
    maximumPerTransaction: r?.maximumPerTransaction ? String(r.maximumPerTransaction) : "",
    multiplesOf: r?.multiplesOf ? String(r.multiplesOf) : "",
    eligibilityBasis: r?.eligibility?.basis ?? "NONE",
    eligibilityThreshold: r?.eligibility ? String(r.eligibility.threshold) : "",
    expiryType: e?.type ?? "NEVER",
    expiryValue: e && e.type !== "NEVER" ? String(e.value) : "",
    expiryUnit: e && e.type !== "NEVER" ? e.unit : "MONTHS",
  };
}
