import { z } from "zod";
import type { RedemptionResult } from "./redeem";

// The answers of the redemption routes: v2 (ours, SPEC §2.4 gives no response) and the vendor's
// v1.1 shapes (SPEC-vendor-api §D.1). Schemas for the OpenAPI document sit beside the functions
// that build them, so the document describes what is sent.

const lot = z.object({ lotId: z.number().int(), points: z.number(), expiresOn: z.string().nullable().meta({ description: "YYYY-MM-DD, or null for points that never expire." }) });
const line = z.object({
  programId: z.number().int(),
  entityType: z.enum(["USER", "USERGROUP2"]),
  entityId: z.number().int(),
  points: z.number(),
  lots: z.array(lot).meta({ description: "The lots the points came from, first-expiring first (empty when only validated)." }),
});

export const v2RedemptionAnswer = z
  .object({
    redemptionId: z.string().nullable().meta({ description: "Pass to POST /v2/points/reverse; null when commit was false." }),
    committed: z.boolean(),
    customerId: z.number().int(),
    programId: z.number().int(),
    points: z.number(),
    redeemedValue: z.string().meta({ description: "points × pointsToCurrencyRatio, exact decimal text." }),
    pointsToCurrencyRatio: z.string(),
    entityType: z.enum(["USER", "USERGROUP2"]),
    entityId: z.number().int(),
    balance: z.number().meta({ description: "What the wallet (or the pool) holds after the redemption." }),
    breakdown: z.array(line).meta({ description: "By program and wallet: several lines for a cross-program or cross-member redemption." }),
    crossMemberRedemptionBreakup: z.array(z.object({ customerId: z.number().int(), points: z.number() })).optional(),
    warnings: z.array(z.unknown()),
  })
  .meta({ id: "RedemptionAnswer" });

const entity = (type: "CUSTOMER" | "USERGROUP") => (type === "CUSTOMER" ? "USER" : "USERGROUP2");
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

export function v2Answer(r: RedemptionResult, committed: boolean): z.output<typeof v2RedemptionAnswer> {
  return {
    redemptionId: committed ? r.redemptionId : null,
    committed,
    customerId: r.customerId,
    programId: r.programId,
    points: r.points,
    redeemedValue: r.redeemedValue,
    pointsToCurrencyRatio: r.pointsToCurrencyRatio,
    entityType: entity(r.wallet.type),
    entityId: r.wallet.id,
    balance: r.balance,
    breakdown: r.breakdown.map((b) => ({
      programId: b.programId,
      entityType: entity(b.ownerType),
      entityId: b.ownerId,
      points: b.points,
      lots: b.lots.map((l) => ({ lotId: l.lotId, points: l.points, expiresOn: day(l.expiresAt) })),
    })),
    ...(r.crossMemberRedemptionBreakup ? { crossMemberRedemptionBreakup: r.crossMemberRedemptionBreakup } : {}),
    warnings: [],
  };
}

export type V11Customer = { id: number; mobile: string | null; email: string | null; externalId: string | null };

const itemStatus = z.object({ success: z.boolean(), code: z.number().int(), message: z.string() });
const v11Status = z.object({ success: z.string(), code: z.number().int(), message: z.string() });

export const v11RedeemAnswer = z
  .object({
    response: z.object({
      status: v11Status,
      responses: z.object({
        points: z.object({
          user_id: z.number().int(),
          mobile: z.string().nullable(),
          email: z.string().nullable(),
          external_id: z.string().nullable(),
          redemption_id: z.string(),
          points_redeemed: z.number(),
          redeemed_value: z.string(),
          redeemed_local_value: z.string(),
          balance: z.number(),
          program_breakup: z.array(line).meta({ description: "The clone's addition: the points by program and lot (a group_redemption draws from several programs)." }),
          side_effects: z.object({ effect: z.array(z.object({ id: z.number().int(), type: z.literal("points"), num_points: z.number(), currency_value: z.string(), points_redemption_summary_id: z.string(), redeemed_on_bill_number: z.string().nullable() })) }),
          item_status: itemStatus,
        }),
      }),
    }),
  })
  .meta({ id: "V11RedeemAnswer" });

export function v11RedeemResponse(r: RedemptionResult, c: V11Customer, transactionNumber: string | null): z.output<typeof v11RedeemAnswer> {
  const lines = v2Answer(r, true).breakdown;
  return {
    response: {
      status: { success: "true", code: 200, message: "SUCCESS" },
      responses: {
        points: {
          user_id: c.id,
          mobile: c.mobile,
          email: c.email,
          external_id: c.externalId,
          redemption_id: r.redemptionId ?? "",
          points_redeemed: r.points,
          redeemed_value: r.redeemedValue,
          redeemed_local_value: r.redeemedValue,
          balance: r.balance,
          program_breakup: lines,
          side_effects: {
            effect: lines.map((l) => ({
              id: l.entityId,
              type: "points" as const,
              num_points: l.points,
              currency_value: r.redeemedValue,
              points_redemption_summary_id: r.redemptionId ?? "",
              redeemed_on_bill_number: transactionNumber,
            })),
          },
          item_status: { success: true, code: 800, message: "Points Redeemed" },
        },
      },
    },
  };
}

export const isRedeemableAnswer = z
  .object({
    response: z.object({
      status: v11Status,
      responses: z.object({
        points: z.object({
          mobile: z.string().nullable(),
          points_redeemed: z.number(),
          redeemed_value: z.string(),
          balance: z.number(),
          item_status: itemStatus,
          redeemable: z.object({
            points: z.number(),
            is_redeemable: z.boolean(),
            points_redeem_value: z.string(),
            points_redeem_local_value: z.string(),
            points_currency_ratio: z.string(),
            item_status: itemStatus,
          }),
        }),
      }),
      warnings: z.array(z.object({ status: z.literal(false), code: z.number().int(), message: z.string() })).meta({ description: "876 when issue_otp=true but the customer has no mobile or e-mail to send the code to." }),
    }),
  })
  .meta({ id: "IsRedeemableAnswer" });

/** The pre-check: redeemable (800), or not with the rule's code and message (still HTTP 200, as the vendor answers). */
export function isRedeemableResponse(
  points: number,
  c: V11Customer,
  outcome: { ok: true; result: RedemptionResult } | { ok: false; code: number; message: string; ratio: string | null; balance: number | null },
  warnings: { status: false; code: number; message: string }[] = [],
): z.output<typeof isRedeemableAnswer> {
  const ratio = outcome.ok ? outcome.result.pointsToCurrencyRatio : (outcome.ratio ?? "0");
  const value = outcome.ok ? outcome.result.redeemedValue : "0";
  const status = outcome.ok ? { success: true, code: 800, message: "Points redeemed successfully, points can be redeemed" } : { success: false, code: outcome.code, message: outcome.message };
  const balance = outcome.ok ? outcome.result.balance + points : (outcome.balance ?? 0);
  return {
    response: {
      status: { success: String(outcome.ok), code: 200, message: outcome.ok ? "SUCCESS" : "FAILURE" },
      responses: {
        points: {
          mobile: c.mobile,
          points_redeemed: points,
          redeemed_value: value,
          balance,
          item_status: status,
          redeemable: { points, is_redeemable: outcome.ok, points_redeem_value: value, points_redeem_local_value: value, points_currency_ratio: ratio, item_status: status },
        },
      },
      warnings,
    },
  };
}

export const validationCodeAnswer = z
  .object({
    response: z.object({
      status: v11Status,
      validation_code: z.object({
        code: z.object({ user_id: z.number().int(), mobile: z.string().nullable(), email: z.string().nullable(), points: z.number().nullable(), item_status: itemStatus }),
      }),
    }),
  })
  .meta({ id: "V11ValidationCodeAnswer" });

/** GET /v1.1/points/validationcode: the code was sent (the code itself only ever goes to the customer). */
export function validationCodeResponse(c: V11Customer, points: number | null): z.output<typeof validationCodeAnswer> {
  return {
    response: {
      status: { success: "true", code: 200, message: "SUCCESS" },
      validation_code: { code: { user_id: c.id, mobile: c.mobile, email: c.email, points, item_status: { success: true, code: 800, message: "Validation code sent" } } },
    },
  };
}
