import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { createV3Webhook } from "@/lib/webhooks/v3";
import { v3WebhookCreateSchema } from "@/lib/webhooks/v3-schema";

/** POST /v3/webHooks (SPEC-vendor-api §F.2): a webhook subscription, as Settings → Webhooks makes one. */
export const POST = withApiClient({ scope: "webhooks:write", body: v3WebhookCreateSchema }, async ({ caller, orgId, body }) =>
  createV3Webhook(orgId, apiClientActor(caller), body),
);
