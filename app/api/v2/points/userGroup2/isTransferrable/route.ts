import { withApiClient } from "@/lib/api/with-api-client";
import { apiClientActor } from "@/lib/auth/actor";
import { checkGroupTransfer } from "@/lib/transfers/group-transfer";
import { groupTransferBodySchema } from "@/lib/transfers/schema";

/** POST /v2/points/userGroup2/isTransferrable (SPEC-vendor-api §D.5): the transfer's checks and the balance; nothing moves. */
export const POST = withApiClient({ scope: "points:read", body: groupTransferBodySchema }, ({ caller, orgId, body, requestId }) =>
  checkGroupTransfer({ orgId, actor: apiClientActor(caller), input: body, requestId }),
);
