import { withApiClient } from "@/lib/api/with-api-client";
import { generateOtp } from "@/lib/otp/api";
import { otpGenerateSchema } from "@/lib/otp/schema";

/** POST /v2/otp/generate (SPEC-vendor-api §D.1): a new code for a mobile or e-mail and an action, sent through the outbox. */
export const POST = withApiClient({ scope: "points:write", body: otpGenerateSchema }, ({ orgId, body }) => generateOtp({ orgId, input: body }));
