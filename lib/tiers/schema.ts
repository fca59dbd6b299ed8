import { z } from "zod";
import { SOURCES } from "@/lib/engine/transaction-schema";

// Input shapes of the tier API and the Tiers tab (SPEC §4.1, issue 12). Client-safe: the console's
// forms validate with the same schemas the server parses with.

export const SLAB_ACTIONS = ["UPGRADE", "DOWNGRADE", "RENEWAL", "EXTEND_CURRENT_TIER_EXPIRY_DATE"] as const;
export const VALIDITY_KINDS = ["FIXED_DURATION", "FIXED_DATE"] as const;

export const manualSlabQuerySchema = z.object({
  source: z.enum([...SOURCES, "ALL"]).default("INSTORE"),
  identifierName: z.enum(["mobile", "id", "externalId"], { error: "identifierName must be mobile, id or externalId." }),
  identifierValue: z.string().trim().min(1, "identifierValue is required.").max(200),
  type: z.enum(["CUSTOMER", "USERGROUP2"], { error: "type must be CUSTOMER." }).default("CUSTOMER"),
});

export const manualSlabBodySchema = z.object({
  programId: z.coerce.number({ error: "programId is required." }).int().positive().max(2_147_483_647),
  slabAction: z.enum(SLAB_ACTIONS, { error: `slabAction must be one of ${SLAB_ACTIONS.join(", ")}.` }),
  toSlabName: z.string().trim().min(1).max(100).optional(),
  manualSlabActionValidity: z.enum(VALIDITY_KINDS, { error: "manualSlabActionValidity must be FIXED_DURATION (a number of days) or FIXED_DATE (a date)." }),
  manualSlabActionValidityUpto: z.union([z.string().trim().min(1).max(40), z.number()], { error: "manualSlabActionValidityUpto is required: a number of days or a date." }),
  reassessTierOnNextActivity: z.boolean().default(false),
  slabChangeReason: z.string().trim().max(500).default(""),
});
export type ManualSlabBody = z.infer<typeof manualSlabBodySchema>;
export type ManualSlabQuery = z.infer<typeof manualSlabQuerySchema>;

export const tierDetailsQuerySchema = z.object({
  programId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  entityType: z.enum(["CUSTOMER", "FLEET"], { error: "entityType must be CUSTOMER or FLEET." }).default("CUSTOMER"),
  fetchDataForAllPrograms: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

// ─── The Tiers tab ───

const amount = (what: string) =>
  z.coerce
    .number({ error: `Enter ${what} as a number.` })
    .min(0, `${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative.`)
    .max(1e15, `${what[0]!.toUpperCase()}${what.slice(1)} is too large.`);

export const tierInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the tier a name.")
    .max(60, "At most 60 characters.")
    .refine((s) => !/^\d+$/.test(s), "A tier name cannot be only digits: integrations name tiers by name, and a number would read as a tier number."),
  threshold: amount("the upgrade threshold"),
  renewalThreshold: z.union([z.literal("").transform(() => null), z.null(), amount("the renewal threshold")]).default(null),
  description: z.string().trim().max(300, "At most 300 characters.").default(""),
});
export type TierInput = z.infer<typeof tierInputSchema>;

export const tierPolicySchema = z.object({
  tierBasis: z.enum(["LIFETIME_PURCHASES", "LIFETIME_POINTS"], { error: "Choose what tiers are measured on." }),
  tierValidityMonths: z.union([
    z.literal("").transform(() => null),
    z.null(),
    z.coerce.number({ error: "Enter the validity in whole months." }).int("Enter the validity in whole months.").min(1, "A tier lasts at least 1 month; leave empty for tiers that never expire.").max(120, "At most 120 months."),
  ]),
  tierDowngradeRule: z.enum(["NEVER", "ONE_TIER", "TO_QUALIFYING"], { error: "Choose what happens when a tier's validity ends." }),
  tierSyncGroupMembers: z.boolean().default(false),
});
export type TierPolicyInput = z.infer<typeof tierPolicySchema>;

export const saveTierPolicySchema = tierPolicySchema.extend({ programId: z.number().int().positive() });
export const createTierSchema = tierInputSchema.extend({ programId: z.number().int().positive() });
export const updateTierSchema = tierInputSchema.extend({ programId: z.number().int().positive(), tierId: z.number().int().positive() });
export const deleteTierSchema = z.object({ programId: z.number().int().positive(), tierId: z.number().int().positive() });
