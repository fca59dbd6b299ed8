import { answerResponse, idempotencyKeyOf, requestFingerprint, runPrepared } from "@/lib/api/idempotency";
import { withApiClient } from "@/lib/api/with-api-client";
import { apiClientActor } from "@/lib/auth/actor";
import { prepareCustomerTransfer } from "@/lib/transfers/customer-transfer";
import { customerTransferBodySchema } from "@/lib/transfers/customer-schema";
import { transferHistory } from "@/lib/transfers/history";
import { transferHistoryQuery } from "@/lib/transfers/history-schema";

/**
 * POST /v2/points/transfer (SPEC §2.2, SPEC-vendor-api §D.4): one customer's points to another's,
 * with the sender's OTP, in one transaction. Idempotency-Key replays the first answer.
 */
export const POST = withApiClient({ scope: "points:write", body: customerTransferBodySchema }, async ({ caller, orgId, body, request, requestId }) => {
  const answer = await runPrepared({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, body) }, () =>
    prepareCustomerTransfer({ orgId, actor: apiClientActor(caller), input: body, requestId }),
  );
  return answerResponse(answer);
});

/** GET /v2/points/transfer (SPEC-vendor-api §D.6): a customer's or a group's transfers, newest first, paginated. */
export const GET = withApiClient({ scope: "points:read", query: transferHistoryQuery }, ({ orgId, query }) => transferHistory({ orgId, query }));
