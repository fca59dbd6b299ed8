import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { prepareReversal } from "@/lib/redemption/reverse";
import { reverseBodySchema } from "@/lib/redemption/schema";

/** POST /v2/points/reverse (SPEC-vendor-api §D.2): undoes a redemption, once (3802 the second time). Idempotency-Key replays. */
export const POST = withApiClient({ scope: "points:write", body: reverseBodySchema }, async ({ caller, orgId, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, async () => {
    const work = await prepareReversal({ orgId, actor: { kind: "apiClient", id: caller.id, label: caller.name }, body, requestId });
    return async (tx) => ({ status: 200, body: await work(tx) });
  });
  return answerResponse(answer);
});
