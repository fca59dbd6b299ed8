import { z } from "zod";
import { idParam, MAX_ID } from "@/lib/api/params";

// Input shapes of the redemption routes (SPEC §2.4; SPEC-vendor-api §D.1, §D.2). Points are
// parsed as numbers and judged by the redemption rules (801, 807…), not here, so a client gets
// the vendor's code for "-5" rather than a generic 400.

const id = z.number().int().min(1).max(MAX_ID);
const text = (max: number) => z.string().trim().max(max);

// ─── v2: POST /v2/customers/{id}/redemptions ─────────────────────────────────────────────────

export const redemptionParams = z.object({ id: idParam("customer") });

export const v2RedemptionBodySchema = z
  .object({
    redemptionType: z.literal("POINTS", { message: "redemptionType must be POINTS (rewards are not redeemed here)." }).default("POINTS"),
    points: z.number({ message: "points must be a number" }),
    transactionNumber: text(100).optional(),
    externalReferenceNumber: text(100).optional(),
    validationCode: text(50).optional().meta({ description: "Optional here: when sent, the customer's redemption code (GET /v1.1/points/validationcode, or POST /v2/otp/generate with action POINTS), used up by the redemption; 808 when it is wrong, expired or used." }),
    source: text(30).optional(),
    notes: text(500).optional(),
    commit: z.boolean().default(true).meta({ description: "false: validate only, nothing moves." }),
    programId: id.optional().meta({ description: "Absent: the program of the API client's till, else the default program." }),
    userGroup2Id: id.optional().meta({ description: "Redeem from this user group's wallet (the customer must be a member allowed to redeem)." }),
    useDefaultUserGroup2: z.boolean().optional().meta({ description: "Redeem from the customer's default group's wallet." }),
    groupRedemption: z.boolean().optional().meta({ description: "Accepted for the vendor's shape; it does not control routing (SPEC §2.4)." }),
  })
  .meta({ id: "RedemptionRequest" });
export type V2RedemptionBody = z.output<typeof v2RedemptionBodySchema>;

// ─── v1.1: GET /v1.1/points/isredeemable, POST /v1.1/points/redeem ───────────────────────────

const flag = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");
const idText = z.string().regex(/^[1-9]\d{0,9}$/, `must be a whole number from 1 to ${MAX_ID}`).transform(Number).refine((n) => n <= MAX_ID, `must be at most ${MAX_ID}`);

/** The group selectors of the vendor's v1.1 points calls (SPEC-vendor-api §0.12). */
const groupSelectors = {
  user_group2_id: idText.optional(),
  user_group2_external_id: text(100).min(1).optional(),
  user_group2_primary_user_id: idText.optional(),
  use_default_user_group2: flag.optional(),
};

const customerQuery = {
  mobile: text(30).min(1).optional(),
  email: text(254).min(1).optional(),
  external_id: text(100).min(1).optional(),
  card_number: text(50).min(1).optional(),
  card_external_id: text(100).min(1).optional(),
};

export const isRedeemableQuerySchema = z.object({
  points: z.string().trim().regex(/^-?\d{1,16}(\.\d{1,4})?$/, "must be a number").transform(Number),
  ...customerQuery,
  program_id: idText.optional(),
  issue_otp: flag.optional(),
  validation_code: text(50).optional(),
  skip_validation: flag.optional(),
  validation_type: z.enum(["SMS", "MISSED_CALL", "INVALID"]).optional(),
  group_redemption: flag.optional(),
  ...groupSelectors,
  format: z.enum(["json"]).optional(),
});
export type IsRedeemableQuery = z.output<typeof isRedeemableQuerySchema>;

/** GET /v1.1/points/validationcode: the customer who will redeem (and, as the vendor asks, the points). */
export const validationCodeQuerySchema = z.object({
  mobile: customerQuery.mobile,
  email: customerQuery.email,
  external_id: customerQuery.external_id,
  user_id: idText.optional(),
  points: z.string().trim().regex(/^\d{1,16}$/, "must be a whole number").transform(Number).optional(),
  format: z.enum(["json"]).optional(),
});
export type ValidationCodeQuery = z.output<typeof validationCodeQuerySchema>;

export const v11RedeemQuerySchema = z.object({
  program_id: idText.optional(),
  skip_validation: flag.optional(),
  validation_type: z.enum(["SMS", "MISSED_CALL", "INVALID"]).optional(),
  ...groupSelectors,
  format: z.enum(["json"]).optional(),
});
export type V11RedeemQuery = z.output<typeof v11RedeemQuerySchema>;

const v11Customer = z
  .object(customerQuery)
  .refine((c) => Object.values(c).some((v) => v !== undefined), "Name the customer: mobile, email, external_id, card_number or card_external_id.");

const redeemEntry = z.object({
  points_redeemed: z.union([z.number(), z.string().trim().regex(/^-?\d{1,16}(\.\d{1,4})?$/, "must be a number").transform(Number)]),
  customer: v11Customer,
  validation_code: text(50).optional(),
  transaction_number: text(100).optional(),
  external_reference_number: text(100).optional(),
  redemption_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "must be YYYY-MM-DD HH:MM:SS").optional(),
  till_id: z.union([z.string().max(100), z.number()]).optional(),
  notes: text(500).optional(),
  redemption_purpose: text(200).optional(),
  group_redemption: z.boolean().optional(),
  custom_fields: z.array(z.object({ name: z.string().max(100), value: z.unknown() })).optional(),
});

export const v11RedeemBodySchema = z
  .object({
    root: z.object({
      redeem: z.array(redeemEntry).min(1, "Send one redemption in root.redeem.").max(1, "Send one redemption per request in root.redeem."),
    }),
  })
  .meta({ id: "V11RedeemRequest" });
export type V11RedeemBody = z.output<typeof v11RedeemBodySchema>;

// ─── v2: POST /v2/points/reverse ─────────────────────────────────────────────────────────────

export const reverseBodySchema = z
  .object({
    redemptionId: z.union([z.string().trim().min(1).max(40), z.number().int()]).transform(String),
    identifier: z.object({ type: z.enum(["mobile", "email", "externalId"], { message: "identifier.type must be mobile, email or externalId" }), value: text(254).min(1) }),
    pointsToBeReversed: z.number().int().positive().optional(),
  })
  .meta({ id: "ReverseRedemptionRequest" });
export type ReverseBody = z.output<typeof reverseBodySchema>;
