import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, type DocumentedError } from "@/lib/api/openapi/operation";
import { v3WebhookAnswer, v3WebhookCreateSchema, v3WebhookParams, v3WebhookUpdateSchema } from "./v3-schema";

// The vendor's webhook API (SPEC-vendor-api §F.2) in the OpenAPI document, from the schemas its
// handlers parse with.

const TARGET: DocumentedError[] = [
  { status: 422, code: 422, message: "Webhook URLs must use http or https." },
  { status: 422, code: 422, message: "{host} is a loopback or private-network address; the org's settings do not allow webhooks to call those." },
  { status: 422, code: 422, message: "The host {host} does not resolve." },
  { status: 409, code: 409, message: "A webhook named \"{name}\" already exists (id {id})." },
];

const SIGNING =
  "Each delivery is a POST of the event as JSON with X-Loyalty-Event, X-Loyalty-Event-Id (the same on every retry: de-duplicate on it) and " +
  "X-Loyalty-Signature `t={unix seconds},v1={hex HMAC-SHA256 of \"{t}.{body}\" with the signing secret}`. A non-2xx answer is retried with exponential backoff capped at 15 minutes.";

export const webhooksPaths: ZodOpenApiPathsObject = {
  "/v3/webHooks": {
    post: apiOperation({
      tag: "Webhooks",
      summary: "Create a webhook (vendor §F.2)",
      description: `Subscribes a URL to events (the vendor's 16 and ours: groupCreated, groupMemberJoined, groupMemberLeft, manualPointsAdjustment). The answer carries the signing secret once. ${SIGNING}`,
      scope: "webhooks:write",
      body: v3WebhookCreateSchema,
      response: v3WebhookAnswer,
      errors: TARGET,
    }),
  },
  "/v3/webHooks/{webhookId}": {
    put: apiOperation({
      tag: "Webhooks",
      summary: "Update a webhook (vendor §F.2)",
      description: "Changes the fields the body names; eventNames replaces the whole list. Another org's webhook is not found.",
      scope: "webhooks:write",
      params: v3WebhookParams,
      body: v3WebhookUpdateSchema,
      response: v3WebhookAnswer,
      errors: [{ status: 404, code: 404, message: "Webhook {id} not found" }, ...TARGET],
    }),
  },
};
