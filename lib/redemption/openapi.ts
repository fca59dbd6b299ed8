import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, type DocumentedError } from "@/lib/api/openapi/operation";
import { isRedeemableAnswer, v11RedeemAnswer, v2RedemptionAnswer, validationCodeAnswer } from "./answers";
import { messageOf, statusOf, type RedemptionCode } from "./errors";
import { isRedeemableQuerySchema, redemptionParams, reverseBodySchema, v11RedeemBodySchema, v11RedeemQuerySchema, v2RedemptionBodySchema, validationCodeQuerySchema } from "./schema";

// The redemption routes in the OpenAPI document, from the schemas their handlers parse with.

const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().max(255).optional().meta({ description: "Retry safely: the same key and body replay the first answer (header Idempotent-Replayed: true); another body is a 409." }),
});

const known = (...codes: RedemptionCode[]): DocumentedError[] => codes.map((code) => ({ status: statusOf(code), code, message: messageOf(code) }));

/** The redemption strategy's codes (lib/programs/strategies/rules.ts). */
const STRATEGY: DocumentedError[] = [
  { status: 422, code: 801, message: "Points you are trying to redeem are invalid: {points} (redeem more than 0)." },
  { status: 422, code: 804, message: "Insufficient current points: redemption needs {x} current points, the wallet has {y}." },
  { status: 422, code: 805, message: "Insufficient lifetime points: …" },
  { status: 422, code: 806, message: "Insufficient lifetime purchases amount: …" },
  { status: 422, code: 807, message: "Points to redeem must be a multiple of {x} (asked for {y})." },
  { status: 422, code: 819, message: "More than the maximum allowed redemption limit: at most {x} points per transaction (asked for {y})." },
  { status: 422, code: 821, message: "Less than the minimum redemption limit: redeem at least {x} points (asked for {y})." },
  { status: 409, code: 818, message: "Current points are less than points requested for redemption: {x} available, {y} requested." },
  { status: 422, code: 888, message: "Configuration is invalid: Program \"{name}\" has no redemption strategy, so its points cannot be redeemed: set one on the program's Strategies tab." },
  { status: 409, code: 409, message: "Idempotency-Key {key} was already used with a different request." },
];

const WALLET = known(1213, 1619, 1620, 1647, 1690, 827, 828, 3316, 8015);

export const redemptionPaths: ZodOpenApiPathsObject = {
  "/v2/customers/{id}/redemptions": {
    post: {
      ...apiOperation({
        tag: "Points",
        summary: "Redeem points (SPEC §2.4)",
        description:
          "Redeems from the customer's wallet in the program named (else the till's program, else the default program), from a user group's wallet (userGroup2Id, useDefaultUserGroup2: the primary always may, a secondary with allow_points_redemption and without block_points_redemption), or under ENABLE_CROSS_MEMBER_REDEMPTION from the members' pool, first-expiring first. The program's redemption strategy (Strategies tab) decides. commit: false validates only.",
        scope: "points:write",
        params: redemptionParams,
        body: v2RedemptionBodySchema,
        response: v2RedemptionAnswer,
        errors: [...STRATEGY, ...WALLET, ...known(808)],
      }),
      requestParams: { path: redemptionParams, header: idempotencyHeader },
    },
  },
  "/v2/points/reverse": {
    post: {
      ...apiOperation({
        tag: "Points",
        summary: "Reverse a redemption (vendor §D.2)",
        description: "Gives a redemption's points back to the lots they came from, once; the identifier must name the customer who redeemed. Only in an org whose Allow_points_redemption_reversal config is on (905 otherwise).",
        scope: "points:write",
        body: reverseBodySchema,
        response: z.object({
          redemptionId: z.string(),
          pointsToBeReversed: z.number(),
          orgId: z.number().int(),
          identifier: z.object({ type: z.string(), value: z.string() }),
          customerId: z.number().int(),
          pointsReversed: z.number(),
          reversalId: z.number().int(),
          warnings: z.array(z.unknown()),
        }),
        errors: [...known(905, 901, 902, 904, 810, 3802), { status: 409, code: 409, message: "Idempotency-Key {key} was already used with a different request." }],
      }),
      requestParams: { header: idempotencyHeader },
    },
  },
  "/v1.1/points/isredeemable": {
    get: apiOperation({
      tag: "Points (v1.1)",
      summary: "Can these points be redeemed? (vendor §D.1)",
      description: "The v1.1 pre-check. A redemption the rules refuse is answered 200 with is_redeemable false and the rule's code in item_status; nothing moves. With issue_otp=true (and the scope points:write) a redeemable answer also sends the customer the validation code for POST /v1.1/points/redeem, to their mobile, else their e-mail (warning 876 when they have neither).",
      scope: "points:read",
      query: isRedeemableQuerySchema,
      response: isRedeemableAnswer,
      errors: [...known(1213, 1619, 1620, 1647, 1690, 8015), { status: 403, code: 403, message: "issue_otp=true sends a code: this API client lacks the scope points:write." }],
    }),
  },
  "/v1.1/points/validationcode": {
    get: apiOperation({
      tag: "Points (v1.1)",
      summary: "Send a redemption validation code (vendor §D.1)",
      description: "Sends the customer (mobile, email, external_id or user_id) a six-digit code for POST /v1.1/points/redeem's validation_code, to their mobile, else their e-mail, through the outbox. It replaces the customer's open redemption code, is good for 10 minutes and 5 wrong tries, and redeems once. POST /v2/otp/generate with action POINTS to the customer's mobile or e-mail issues the same kind of code.",
      scope: "points:write",
      query: validationCodeQuerySchema,
      response: validationCodeAnswer,
      errors: known(860, 8015),
    }),
  },
  "/v1.1/points/redeem": {
    post: {
      ...apiOperation({
        tag: "Points (v1.1)",
        summary: "Redeem points (vendor §D.1)",
        description:
          "The vendor's `{root:{redeem:[…]}}` body, one redemption per request. validation_code is mandatory unless skip_validation=true: the customer's redemption code (GET /v1.1/points/validationcode, isredeemable with issue_otp=true, or POST /v2/otp/generate with action POINTS), used up by the redemption; a wrong, expired or used code is 808 and nothing moves. A group wallet by user_group2_id | user_group2_external_id | user_group2_primary_user_id | use_default_user_group2; group_redemption: true is MLP cross-program redemption (ENABLE_GROUP_PROGRAMS_REDEMPTION and the default program's PointsRedemption branch, else 3316), drawing first-expiring points across programs.",
        scope: "points:write",
        query: v11RedeemQuerySchema,
        body: v11RedeemBodySchema,
        response: v11RedeemAnswer,
        errors: [...STRATEGY, ...WALLET, { status: 422, code: 403, message: "Field validation_code is mandatory." }, ...known(808)],
      }),
      requestParams: { query: v11RedeemQuerySchema, header: idempotencyHeader },
    },
  },
};
