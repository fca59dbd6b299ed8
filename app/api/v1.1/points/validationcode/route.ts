import { withApiClient } from "@/lib/api/with-api-client";
import { validationCodeResponse } from "@/lib/redemption/answers";
import { v11Customer, v2Customer } from "@/lib/redemption/customers";
import { redemptionError } from "@/lib/redemption/errors";
import { validationCodeQuerySchema } from "@/lib/redemption/schema";
import { issueValidationCode } from "@/lib/redemption/validation";

/**
 * GET /v1.1/points/validationcode (SPEC-vendor-api §D.1): sends the customer the validation code
 * POST /v1.1/points/redeem asks for (a POINTS OTP of lib/otp, replacing any open one). 860 when
 * the customer has no mobile or e-mail to send it to.
 */
export const GET = withApiClient({ scope: "points:write", query: validationCodeQuerySchema }, async ({ orgId, query }) => {
  const customer = query.user_id !== undefined ? await v2Customer(orgId, query.user_id) : await v11Customer(orgId, query);
  if (!(await issueValidationCode(orgId, customer.id))) throw redemptionError(860, [], { field: "mobile", detail: "(The customer has no mobile or e-mail.)" });
  return validationCodeResponse(customer, query.points ?? null);
});
