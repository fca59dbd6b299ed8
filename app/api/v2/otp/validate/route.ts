import { withApiClient } from "@/lib/api/with-api-client";
import { validateOtp } from "@/lib/otp/api";
import { otpValidateSchema } from "@/lib/otp/schema";

/** POST /v2/otp/validate (SPEC-vendor-api §D.1): whether a code is good for the entity and action; a wrong one counts a try. */
export const POST = withApiClient({ scope: "points:write", body: otpValidateSchema }, ({ orgId, body }) => validateOtp({ orgId, input: body }));
