import { withApiClient } from "@/lib/api/with-api-client";
import { apiClientActor } from "@/lib/auth/actor";
import { checkCustomerTransfer } from "@/lib/transfers/customer-transfer";
import { customerCheckBodySchema } from "@/lib/transfers/customer-schema";

/** POST /v2/points/isTransferrable (SPEC-vendor-api §D.3): whether one customer can transfer to another; issueOtp sends the sender a code. */
export const POST = withApiClient({ scope: "points:write", body: customerCheckBodySchema }, ({ caller, orgId, body, requestId }) =>
  checkCustomerTransfer({ orgId, actor: apiClientActor(caller), input: body, requestId }),
);
