import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation } from "@/lib/api/openapi/operation";
import { otpGenerateSchema, otpValidateSchema } from "./schema";

// The generic OTP routes in the OpenAPI document (SPEC-vendor-api §D.1), from the handlers' schemas.
const tag = "OTP";

export const otpPaths: ZodOpenApiPathsObject = {
  "/v2/otp/generate": {
    post: apiOperation({
      tag, scope: "points:write", summary: "Send a one-time code",
      description: "A new six-digit code for the mobile or e-mail and the action, sent through the outbox (in development, the console's log prints it). It replaces the open code for the same entity and action, and is good for 10 minutes and 5 wrong tries. Only a salted hash is stored. A code sent to a customer's mobile or e-mail with action POINTSTRANSFER authorises that customer's POST /v2/points/transfer; with action POINTS it is that customer's validation_code for POST /v1.1/points/redeem.",
      body: otpGenerateSchema,
      response: z.object({ createdId: z.number().int(), warnings: z.array(z.unknown()) }),
    }),
  },
  "/v2/otp/validate": {
    post: apiOperation({
      tag, scope: "points:write", summary: "Check a one-time code",
      description: "`entity: true` when the code is good (it stays usable for its action); `entity: false` with 808 in `errors` otherwise, and a wrong code counts a try.",
      body: otpValidateSchema,
      response: z.object({ entity: z.boolean(), warnings: z.array(z.unknown()), errors: z.array(z.unknown()) }),
    }),
  },
};
