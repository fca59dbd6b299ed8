import { z } from "zod";

// A program's workflow document (SPEC §5.1, §5.4): the one shape the editor, the API
// (GET/PUT /v2/programs/{id}/workflow), the stored WorkflowVersion.document and the engine share.
// Client-safe: no Prisma, no server-only. Expressions are only checked for size here; whether they
// are valid conditions depends on the org's extended fields (lib/workflows/check-document.ts).

/** Customer activities (SPEC §5.2; `ReturnBill` is the vendor's event name, SPEC-vendor-api §0.11). */
export const ACTIVITIES = [
  { code: "TransactionAdd", label: "Makes a transaction" },
  { code: "TransactionUpdate", label: "Updates a transaction" },
  { code: "ReturnBill", label: "Returns a transaction" },
  { code: "CustomerRegistration", label: "Gets enrolled in the program" },
  { code: "CustomerUpdate", label: "Updates customer profile" },
  { code: "PointsRedemption", label: "Redeems points" },
  { code: "CouponRedemption", label: "Redeems a coupon" },
  { code: "PointsTransfer", label: "Transfers points" },
  { code: "PromisedPointsConversion", label: "Promised points get credited" },
  { code: "RedemptionReversal", label: "Redeemed points get reversed" },
  { code: "TargetPeriodElapsed", label: "Target period elapses" },
  { code: "TierUpgrade", label: "Tier gets upgraded" },
  { code: "GroupTransactionAdd", label: "Group: secondary member makes a transaction" },
  { code: "GroupTransactionUpdate", label: "Group: secondary member updates a transaction" },
  { code: "GroupReturnBill", label: "Group: secondary member returns a transaction" },
  { code: "GroupMemberJoin", label: "Group: secondary member joins a user group" },
  { code: "GroupMemberLeave", label: "Group: secondary member leaves a user group" },
  { code: "GroupPointsContribution", label: "Group: secondary member contributes points" },
] as const;

export type ActivityCode = (typeof ACTIVITIES)[number]["code"];
export const ACTIVITY_CODES = ACTIVITIES.map((a) => a.code) as [ActivityCode, ...ActivityCode[]];
export const ACTIVITY_LABEL: Readonly<Record<ActivityCode, string>> = Object.fromEntries(ACTIVITIES.map((a) => [a.code, a.label])) as Record<ActivityCode, string>;

export const ACTION_TYPES = [
  "TRANSACTION_POINT_ALLOCATION",
  "REDEEM_GROUP_POINTS",
  "REDEEM_POINTS",
  "TRANSFER_GROUP_POINTS",
  "TRANSFER_POINTS",
  "UPGRADE_TIER",
  "RENEW_TIER",
  "SEND_WEBHOOK",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_LABEL: Readonly<Record<ActionType, string>> = {
  TRANSACTION_POINT_ALLOCATION: "Transaction point allocation",
  REDEEM_GROUP_POINTS: "Redeem group points",
  REDEEM_POINTS: "Redeem points",
  TRANSFER_GROUP_POINTS: "Transfer group points",
  TRANSFER_POINTS: "Transfer points",
  UPGRADE_TIER: "Upgrade tier",
  RENEW_TIER: "Renew tier",
  SEND_WEBHOOK: "Send webhook",
};

export const USER_ENTITIES = ["INDIVIDUAL", "USER_GROUP"] as const;
export const ROUNDINGS = ["ACTUAL", "FLOOR", "CEIL", "ROUND"] as const;
export const POINTS_KINDS = ["REGULAR", "PROMOTIONAL"] as const;
export const PERIOD_UNITS = ["DAYS", "MONTHS", "YEARS"] as const;
/** SPEC §5.4 "Prorate on": the event's value, or a tracker's current / previous aggregate. */
export const PRORATE_ON = ["EVENT_VALUE", "CURRENT_AGGREGATE", "PREVIOUS_AGGREGATE"] as const;

export type UserEntity = (typeof USER_ENTITIES)[number];
export type Rounding = (typeof ROUNDINGS)[number];
export type PointsKind = (typeof POINTS_KINDS)[number];
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Longest expression text accepted; far beyond any real condition, short enough to check on each keystroke. */
export const MAX_EXPRESSION_LENGTH = 4000;
/** Up to 4 decimals, like every points amount in the ledger (Decimal(20, 4)). */
const MAX_POINTS = 1_000_000_000;
const MAX_PERIOD: Readonly<Record<PeriodUnit, number>> = { DAYS: 36_500, MONTHS: 1200, YEARS: 100 };

const choice = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `Choose the ${what}: ${values.join(", ")}.` });

const points = (what: string) =>
  z
    .number({ error: `Enter ${what} as a number.` })
    .positive(`${capital(what)} must be more than 0.`)
    .max(MAX_POINTS, `${capital(what)} must be at most ${MAX_POINTS.toLocaleString("en")}.`)
    .refine((n) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6, { message: `${capital(what)} may have at most 4 decimals.` });

const percent = z
  .number({ error: "Enter the percent as a number." })
  .positive("The percent must be more than 0.")
  .max(1000, "The percent must be at most 1000.");

const wholeNumber = (what: string, min = 1) =>
  z.number({ error: `Enter ${what} as a whole number.` }).int(`Enter ${what} as a whole number.`).min(min, `${capital(what)} must be at least ${min}.`);

// ─── Allocation (SPEC §5.4, §8 "Allocation") ─────────────────────────────────────────────────

const fixedAllocation = z.object({ type: z.literal("FIXED"), points: points("the points") });
const proratedAllocation = z.object({
  type: z.literal("PRORATED"),
  percent,
  /** What the percent is taken of; default the event's value (currentTxn.value). */
  prorateOn: choice(PRORATE_ON, "value to prorate on").optional(),
});

const tierAllocation = z.discriminatedUnion("type", [fixedAllocation, proratedAllocation], {
  error: "Choose how each tier earns: FIXED or PRORATED.",
});

/** A value per tier (SPEC §8 "a value per tier"); a tier without a line earns nothing. */
const perTierAllocation = z.object({
  type: z.literal("PER_TIER"),
  tiers: z
    .array(z.object({ tierNumber: wholeNumber("the tier number"), allocation: tierAllocation }), { error: "List the tiers and what each earns." })
    .min(1, "Add at least one tier.")
    .max(50, "At most 50 tiers.")
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((t, i) => {
        if (seen.has(t.tierNumber)) ctx.addIssue({ code: "custom", path: [i, "tierNumber"], message: `Tier ${t.tierNumber} is listed twice.` });
        seen.add(t.tierNumber);
      });
    }),
});

export const allocationSchema = z.discriminatedUnion("type", [fixedAllocation, proratedAllocation, perTierAllocation], {
  error: "Choose the allocation: FIXED, PRORATED or PER_TIER.",
});

// ─── Expiry (SPEC §8 "Expiry") ───────────────────────────────────────────────────────────────

const period = <T extends "EVENT_DATE" | "ROLLING">(type: T) =>
  z
    .object({ type: z.literal(type), value: wholeNumber("the validity period"), unit: choice(PERIOD_UNITS, "period unit") })
    .superRefine((v, ctx) => {
      const max = MAX_PERIOD[v.unit];
      if (v.value > max) ctx.addIssue({ code: "custom", path: ["value"], message: `The validity period must be at most ${max} ${v.unit.toLowerCase()}.` });
    });

export const expirySchema = z.discriminatedUnion(
  "type",
  [period("EVENT_DATE"), period("ROLLING"), z.object({ type: z.literal("NEVER") }), z.object({ type: z.literal("PROGRAM_DEFAULT") })],
  { error: "Choose the expiry: EVENT_DATE, ROLLING, NEVER or PROGRAM_DEFAULT." },
);

// ─── Actions (SPEC §5.4) ─────────────────────────────────────────────────────────────────────

const note = z.string({ error: "The note must be text." }).max(500, "The note must be at most 500 characters.").optional();

export const allocationActionSchema = z.object({
  type: z.literal("TRANSACTION_POINT_ALLOCATION"),
  userEntity: choice(USER_ENTITIES, "user entity"),
  allocation: allocationSchema,
  rounding: choice(ROUNDINGS, "points rounding"),
  pointsKind: choice(POINTS_KINDS, "points kind"),
  expiry: expirySchema,
  note,
});

/** Redemptions follow the program's redemption strategy; the amount comes from the event (SPEC §5.4). */
const redeemGroup = z.object({ type: z.literal("REDEEM_GROUP_POINTS"), note });
const redeem = z.object({ type: z.literal("REDEEM_POINTS"), note });
/** Transfers move what the event asks for, between the wallets it names. */
const transferGroup = z.object({ type: z.literal("TRANSFER_GROUP_POINTS"), note });
const transfer = z.object({ type: z.literal("TRANSFER_POINTS"), note });
/** Without toTierNumber the customer moves up one tier. */
const upgradeTier = z.object({ type: z.literal("UPGRADE_TIER"), toTierNumber: wholeNumber("the tier number").optional(), note });
/** Extends the current tier's validity by the period, or by the program's tier validity when omitted. */
const renewTier = z.object({
  type: z.literal("RENEW_TIER"),
  validity: z.object({ value: wholeNumber("the validity period"), unit: choice(PERIOD_UNITS, "period unit") }).optional(),
  note,
});
/** Queues a webhook event for the org's subscriptions (the outbox, DESIGN §2). */
const sendWebhook = z.object({
  type: z.literal("SEND_WEBHOOK"),
  event: z
    .string({ error: "Enter the webhook event name." })
    .regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, "The webhook event name must start with a letter and use letters, digits, '_' or '.' (at most 64)."),
  note,
});

export const actionSchema = z.discriminatedUnion("type", [allocationActionSchema, redeemGroup, redeem, transferGroup, transfer, upgradeTier, renewTier, sendWebhook], {
  error: `Choose the action type: ${ACTION_TYPES.join(", ")}.`,
});

// ─── Conditions, rulesets, activities (SPEC §5.1) ────────────────────────────────────────────

const name = (what: string, max = 100) =>
  z
    .string({ error: `Enter the ${what} name.` })
    .trim()
    .min(1, `Enter the ${what} name.`)
    .max(max, `The ${what} name must be at most ${max} characters.`);

/** Stable across versions so diffs and ledger provenance (Movement.conditionId) can name a condition. */
export const CONDITION_ID = /^[A-Za-z0-9_-]{1,40}$/;

export const conditionSchema = z.object({
  id: z.string().regex(CONDITION_ID, "A condition id is 1–40 letters, digits, '_' or '-'.").optional(),
  name: name("condition"),
  expression: z
    .string({ error: "Enter the expression." })
    .trim()
    .min(1, "Enter the expression (true runs the actions always).")
    .max(MAX_EXPRESSION_LENGTH, `The expression must be at most ${MAX_EXPRESSION_LENGTH} characters.`),
  whenTrue: z.array(actionSchema).max(20, "At most 20 actions per branch.").default([]),
  whenFalse: z.array(actionSchema).max(20, "At most 20 actions per branch.").default([]),
});

const isoDate = z.iso.date({ error: "Enter the date as YYYY-MM-DD." });

/** SPEC §5.1 Scope: when and where the ruleset applies; every part optional, all must hold. */
export const rulesetScopeSchema = z
  .object({
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    zoneCodes: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    storeCodes: z.array(z.string().trim().min(1).max(100)).max(1000).optional(),
  })
  .refine((s) => !s.startDate || !s.endDate || s.startDate <= s.endDate, { message: "The end date must not be before the start date.", path: ["endDate"] });

export const rulesetSchema = z.object({
  name: name("ruleset"),
  scope: rulesetScopeSchema.optional(),
  /** SPEC §5.1 Points capping: the most this ruleset awards for one event, across its conditions. */
  pointsCap: z.object({ points: points("the points cap") }).optional(),
  conditions: z.array(conditionSchema).max(200, "At most 200 conditions per ruleset.").default([]),
});

export const activitySchema = z.object({
  activity: choice(ACTIVITY_CODES, "customer activity"),
  rulesets: z.array(rulesetSchema).max(50, "At most 50 rulesets per activity.").default([]),
});

export const workflowDocumentSchema = z
  .object({ activities: z.array(activitySchema).max(ACTIVITIES.length).default([]) })
  .superRefine((doc, ctx) => {
    const activities = new Set<string>();
    const ids = new Set<string>();
    doc.activities.forEach((a, i) => {
      if (activities.has(a.activity)) ctx.addIssue({ code: "custom", path: ["activities", i, "activity"], message: `${a.activity} is listed twice; put its rulesets under one entry.` });
      activities.add(a.activity);
      const rulesetNames = new Set<string>();
      a.rulesets.forEach((r, j) => {
        if (rulesetNames.has(r.name)) ctx.addIssue({ code: "custom", path: ["activities", i, "rulesets", j, "name"], message: `Two rulesets of ${a.activity} are named "${r.name}".` });
        rulesetNames.add(r.name);
        r.conditions.forEach((c, k) => {
          if (c.id === undefined) return;
          if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["activities", i, "rulesets", j, "conditions", k, "id"], message: `Condition id "${c.id}" is used twice.` });
          ids.add(c.id);
        });
      });
    });
  });

export type Allocation = z.output<typeof allocationSchema>;
export type Expiry = z.output<typeof expirySchema>;
export type AllocationAction = z.output<typeof allocationActionSchema>;
export type WorkflowAction = z.output<typeof actionSchema>;
export type WorkflowCondition = z.output<typeof conditionSchema>;
export type Ruleset = z.output<typeof rulesetSchema>;
export type ActivityWorkflow = z.output<typeof activitySchema>;
export type WorkflowDocument = z.output<typeof workflowDocumentSchema>;
export type WorkflowDocumentInput = z.input<typeof workflowDocumentSchema>;

export const EMPTY_DOCUMENT: WorkflowDocument = { activities: [] };

/** Where a condition sits, as a JSON path into the document: activities.0.rulesets.0.conditions.1 */
export function conditionPath(activity: number, ruleset: number, condition: number): (string | number)[] {
  return ["activities", activity, "rulesets", ruleset, "conditions", condition];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
