import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { prepareTransaction } from "@/lib/engine/add-transaction";
import { transactionBodySchema, transactionQuerySchema, type TransactionBody } from "@/lib/engine/transaction-schema";

/**
 * POST /v2/transactions?source=&identifierName=&identifierValue= (SPEC-vendor-api §C.1): one
 * bill of the customer named in the query, from the API client's till. Idempotency-Key replays.
 */
export const POST = withApiClient({ scope: "transactions:write", query: transactionQuerySchema, body: transactionBodySchema }, async ({ caller, orgId, query, body, request, requestId }) => {
  const key = idempotencyKeyOf(request);
  const answer = await runPrepared({ orgId, key, fingerprint: requestFingerprint(request, body) }, () =>
    prepareTransaction({
      orgId,
      actor: { kind: "apiClient", id: caller.id, label: caller.name },
      till: { id: caller.tillId, code: caller.tillCode },
      customer: { identifierName: query.identifierName, identifierValue: query.identifierValue },
      body: body as TransactionBody,
      requestId,
    }),
  );
  return answerResponse(answer);
});
