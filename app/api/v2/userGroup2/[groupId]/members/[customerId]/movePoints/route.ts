import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { apiClientActor } from "@/lib/auth/actor";
import { movePointsBody, movePointsParams } from "@/lib/transfers/move-schema";
import { prepareMovePoints } from "@/lib/transfers/move-to-group";

/** POST /v2/userGroup2/{groupId}/members/{customerId}/movePoints (ours): the member's individual regular points to the group, in one movement. */
export const POST = withApiClient({ scope: "points:write", params: movePointsParams, body: movePointsBody }, async ({ caller, orgId, params, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, () =>
    prepareMovePoints({ orgId, actor: apiClientActor(caller), groupId: params.groupId, customerId: params.customerId, input: body, requestId }),
  );
  return answerResponse(answer);
});
