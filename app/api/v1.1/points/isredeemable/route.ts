import { withApiClient } from "@/lib/api/with-api-client";
import { AppError } from "@/lib/errors";
import { v11Customer } from "@/lib/redemption/customers";
import { isRedeemableQuerySchema } from "@/lib/redemption/schema";
import { isRedeemable } from "@/lib/redemption/v11";

/**
 * GET /v1.1/points/isredeemable (SPEC-vendor-api §D.1): would this redemption go through? Moves
 * nothing. With issue_otp=true a redeemable answer also sends the customer the validation code that
 * POST /v1.1/points/redeem asks for; sending messages is a write, so that needs points:write.
 */
export const GET = withApiClient({ scope: "points:read", query: isRedeemableQuerySchema }, async ({ caller, orgId, query, requestId }) => {
  if (query.issue_otp && !caller.scopes.includes("points:write")) {
    throw new AppError("FORBIDDEN", "issue_otp=true sends a code: this API client lacks the scope points:write.", { code: 403, field: "issue_otp" });
  }
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
    query.issue_otp === true,
  );
});
