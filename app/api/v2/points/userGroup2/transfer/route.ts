import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { apiClientActor } from "@/lib/auth/actor";
import { prepareGroupTransfer } from "@/lib/transfers/group-transfer";
import { groupTransferBodySchema } from "@/lib/transfers/schema";

/**
 * POST /v2/points/userGroup2/transfer (SPEC §2.1, SPEC-vendor-api §D.5): individual → group,
 * group → individual, group → group, in one transaction. Idempotency-Key replays the first answer.
 */
export const POST = withApiClient({ scope: "points:write", body: groupTransferBodySchema }, async ({ caller, orgId, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, () =>
    prepareGroupTransfer({ orgId, actor: apiClientActor(caller), input: body, requestId }),
  );
  return answerResponse(answer);
});
