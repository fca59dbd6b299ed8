import { idempotencyKeyOf, rememberAnswer, requestFingerprint, storedAnswer, answerResponse } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { addTransactionsInBulk } from "@/lib/engine/bulk";
import { bulkBodySchema } from "@/lib/engine/transaction-schema";

/**
 * POST /v2/transactions/bulk (SPEC-vendor-api §C.2): up to 100 bills, each naming its customer
 * (identifierType, identifierValue, source); answered per element with totalCount and
 * failureCount. With an Idempotency-Key the whole answer is stored and replayed.
 */
export const POST = withApiClient({ scope: "transactions:write", body: bulkBodySchema }, async ({ caller, orgId, body, request, requestId }) => {
  const key = idempotencyKeyOf(request);
  const fingerprint = requestFingerprint(request, body);
  if (key) {
    const stored = await storedAnswer(orgId, key, fingerprint);
    if (stored) return answerResponse(stored);
  }
  const result = await addTransactionsInBulk({
    orgId,
    actor: { kind: "apiClient", id: caller.id, label: caller.name },
    till: { id: caller.tillId, code: caller.tillCode },
    items: body,
    requestId,
  });
  const answer = { status: 200, body: result };
  if (key) await rememberAnswer({ orgId, key, fingerprint }, answer);
  return answerResponse({ ...answer, replayed: false });
});
