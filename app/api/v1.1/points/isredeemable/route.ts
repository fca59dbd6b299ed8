import { withApiClient } from "@/lib/api/with-api-client";
import { v11Customer } from "@/lib/redemption/customers";
import { isRedeemableQuerySchema } from "@/lib/redemption/schema";
import { isRedeemable } from "@/lib/redemption/v11";

/** GET /v1.1/points/isredeemable (SPEC-vendor-api §D.1): would this redemption go through? Moves nothing. */
export const GET = withApiClient({ scope: "points:read", query: isRedeemableQuerySchema }, async ({ caller, orgId, query, requestId }) => {
  const customer = await v11Customer(orgId, query);
  return isRedeemable(
    {
      orgId,
      actor: { kind: "apiClient", id: caller.id, label: caller.name },
      tillCode: caller.tillCode,
      customerId: customer.id,
      programId: query.program_id,
      points: query.points,
      group: { id: query.user_group2_id, externalId: query.user_group2_external_id, primaryUserId: query.user_group2_primary_user_id, useDefault: query.use_default_user_group2 },
      crossProgram: query.group_redemption,
      requestId,
    },
    customer,
  );
});
