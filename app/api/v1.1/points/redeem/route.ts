import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared, singleStatement } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { v11RedeemResponse } from "@/lib/redemption/answers";
import { v11Customer } from "@/lib/redemption/customers";
import { prepareRedemption } from "@/lib/redemption/redeem";
import { v11RedeemBodySchema, v11RedeemQuerySchema } from "@/lib/redemption/schema";
import { checkValidationCode, useValidationCode } from "@/lib/redemption/validation";

/**
 * POST /v1.1/points/redeem (SPEC-vendor-api §D.1): the vendor's body `{root:{redeem:[…]}}`; a
 * group wallet by the user_group2_* query parameters; `group_redemption: true` for MLP
 * cross-program redemption. `validation_code` is the customer's POINTS OTP (lib/redemption/validation.ts),
 * used up in the redemption's transaction; `skip_validation=true` waives it. Idempotency-Key replays.
 */
const CODE_FIELD = "root.redeem.0.validation_code";

export const POST = withApiClient({ scope: "points:write", query: v11RedeemQuerySchema, body: v11RedeemBodySchema }, async ({ caller, orgId, query, body, request, requestId }) => {
  const entry = body.root.redeem[0]!;
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, async () => {
    const customer = await v11Customer(orgId, entry.customer);
    const otpId = await checkValidationCode(orgId, customer.id, query.skip_validation, entry.validation_code, CODE_FIELD);
    const prepared = await prepareRedemption({
      orgId,
      actor: { kind: "apiClient", id: caller.id, label: caller.name },
      tillCode: caller.tillCode,
      customerId: customer.id,
      programId: query.program_id,
      points: entry.points_redeemed,
      group: { id: query.user_group2_id, externalId: query.user_group2_external_id, primaryUserId: query.user_group2_primary_user_id, useDefault: query.use_default_user_group2 },
      crossProgram: entry.group_redemption,
      transactionNumber: entry.transaction_number,
      externalReferenceNumber: entry.external_reference_number,
      notes: entry.notes,
      requestId,
    });
    // With no code to use up, the redemption is one database call (lib/redemption/commit.ts).
    return singleStatement(async (tx) => {
      await useValidationCode(tx, otpId, CODE_FIELD);
      return { status: 200, body: v11RedeemResponse(await prepared.commit(tx), customer, entry.transaction_number ?? null) };
    }, otpId === null && prepared.singleStatement);
  });
  return answerResponse(answer);
});
