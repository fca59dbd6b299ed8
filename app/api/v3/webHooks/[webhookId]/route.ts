import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { updateV3Webhook } from "@/lib/webhooks/v3";
import { v3WebhookParams, v3WebhookUpdateSchema } from "@/lib/webhooks/v3-schema";

/** PUT /v3/webHooks/{webhookId} (SPEC-vendor-api §F.2): changes what the body names; eventNames replaces the list. */
export const PUT = withApiClient({ scope: "webhooks:write", params: v3WebhookParams, body: v3WebhookUpdateSchema }, async ({ caller, orgId, params, body }) =>
  updateV3Webhook(orgId, apiClientActor(caller), params.webhookId, body),
);
