import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { v2Answer } from "@/lib/redemption/answers";
import { v2Customer } from "@/lib/redemption/customers";
import { prepareRedemption } from "@/lib/redemption/redeem";
import { redemptionParams, v2RedemptionBodySchema } from "@/lib/redemption/schema";

/**
 * POST /v2/customers/{id}/redemptions (SPEC §2.4): redeem points from the customer's wallet, a
 * group's (userGroup2Id / useDefaultUserGroup2) or, under ENABLE_CROSS_MEMBER_REDEMPTION, the
 * members' pool; `commit: false` validates only. Idempotency-Key replays.
 */
export const POST = withApiClient({ scope: "points:write", params: redemptionParams, body: v2RedemptionBodySchema }, async ({ caller, orgId, params, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, async () => {
    await v2Customer(orgId, params.id);
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
    return async (tx) => ({ status: 200, body: v2Answer(body.commit ? await prepared.commit(tx) : prepared.validated, body.commit) });
  });
  return answerResponse(answer);
});
