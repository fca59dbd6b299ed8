import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared, singleStatement } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { v2Answer } from "@/lib/redemption/answers";
import { v2Customer } from "@/lib/redemption/customers";
import { prepareRedemption } from "@/lib/redemption/redeem";
import { redemptionParams, v2RedemptionBodySchema } from "@/lib/redemption/schema";
import { checkValidationCode, useValidationCode } from "@/lib/redemption/validation";

/**
 * POST /v2/customers/{id}/redemptions (SPEC §2.4): redeem points from the customer's wallet, a
 * group's (userGroup2Id / useDefaultUserGroup2) or, under ENABLE_CROSS_MEMBER_REDEMPTION, the
 * members' pool; `commit: false` validates only. A `validationCode`, when sent, must be the
 * customer's redemption code (lib/redemption/validation.ts), used up by the redemption. Idempotency-Key replays.
 */
export const POST = withApiClient({ scope: "points:write", params: redemptionParams, body: v2RedemptionBodySchema }, async ({ caller, orgId, params, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, async () => {
    // Optional here (SPEC §2.4), unlike v1.1: absent, nothing is checked; sent, it must be good —
    // after the customer is known to be the org's (without a code, prepareRedemption checks that first).
    let otpId: number | null = null;
    if (body.validationCode !== undefined) {
      await v2Customer(orgId, params.id);
      otpId = await checkValidationCode(orgId, params.id, false, body.validationCode, "validationCode");
    }
    const prepared = await prepareRedemption({
      orgId,
      actor: { kind: "apiClient", id: caller.id, label: caller.name },
      tillCode: caller.tillCode,
      customerId: params.id,
      programId: body.programId,
      points: body.points,
      group: { id: body.userGroup2Id, useDefault: body.useDefaultUserGroup2 },
      transactionNumber: body.transactionNumber,
      externalReferenceNumber: body.externalReferenceNumber,
      notes: body.notes,
      requestId,
    });
    // Validating only writes nothing; a commit with no code to use up is the one redemption call.
    return singleStatement(async (tx) => {
      if (!body.commit) return { status: 200, body: v2Answer(prepared.validated, false) };
      await useValidationCode(tx, otpId, "validationCode");
      return { status: 200, body: v2Answer(await prepared.commit(tx), true) };
    }, otpId === null && (!body.commit || prepared.singleStatement));
  });
  return answerResponse(answer);
});
