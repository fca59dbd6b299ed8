import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";
import { webhookHeadersSchema } from "./schema";

// The vendor's webhook bodies (SPEC-vendor-api §F.2: POST /v3/webHooks, PUT /v3/webHooks/{id}).
// Client-safe. The same rules as the console's form, in the vendor's field names.

const eventNames = z
  .array(z.enum(WEBHOOK_EVENTS, { error: `Unknown event name; one of: ${WEBHOOK_EVENTS.join(", ")}.` }))
  .min(1, "Name at least one event.")
  .meta({ description: "On PUT this replaces the list: names left out are removed." });

const fields = {
  name: z.string().trim().min(1, "Give the webhook a name.").max(100, "At most 100 characters.").meta({ description: "Unique within the org." }),
  active: z.boolean(),
  eventNames,
  webHookUrl: z.string().trim().min(1, "Enter the URL deliveries are sent to.").max(2000, "At most 2000 characters."),
  webHookType: z
    .enum(["HTTP", "queue"])
    .refine((t) => t === "HTTP", "Only HTTP webhooks are delivered here; webHookType queue is not supported.")
    .meta({ description: "HTTP only: queue delivery is refused." }),
  methodType: z.literal("POST", { error: "methodType must be POST." }),
  // The vendor's samples send Content-Type: application/json here; deliveries carry it anyway.
  webHookHeaders: z
    .record(z.string(), z.string().max(1000, "A header value is at most 1000 characters."))
    .transform((h) => Object.fromEntries(Object.entries(h).filter(([k, v]) => !(k.toLowerCase() === "content-type" && /^application\/json\b/i.test(v)))))
    .pipe(webhookHeadersSchema)
    .meta({ description: "Static headers sent with every delivery (e.g. client-key, AccessToken). Content-Type: application/json is accepted and always sent; another Content-Type is refused." }),
  // The vendor takes 10.99 and answers 10.
  maxAllowedConnections: z.number().min(1, "At least 1 connection.").max(1000, "At most 1000 connections.").transform(Math.floor)
    .meta({ description: "Kept and answered back; deliveries are not throttled by it." }),
  slaInSeconds: z.number().int().min(1).max(604_800).meta({ description: "Kept and answered back; deliveries are not flagged by it." }),
  noOfRetryAttempts: z.number().int().min(0, "At least 0 retries.").max(20, "At most 20 retries.")
    .meta({ description: "Retries after the first attempt (default 11), with exponential backoff capped at 15 minutes." }),
};

export const v3WebhookCreateSchema = z
  .object({
    ...fields,
    active: fields.active.default(true),
    webHookType: fields.webHookType.default("HTTP"),
    methodType: fields.methodType.default("POST"),
    webHookHeaders: fields.webHookHeaders.default({}),
    maxAllowedConnections: fields.maxAllowedConnections.optional(),
    slaInSeconds: fields.slaInSeconds.optional(),
    noOfRetryAttempts: fields.noOfRetryAttempts.optional(),
  })
  .meta({ id: "V3WebhookCreate" });

/** PUT: any of the fields; what is left out stays as it was, except that eventNames replaces the list. */
export const v3WebhookUpdateSchema = z
  .object(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
  .meta({ id: "V3WebhookUpdate" });

export const v3WebhookParams = z.object({
  webhookId: z.coerce.number({ error: "webhookId must be a number." }).int("webhookId must be a whole number.").positive("webhookId must be positive."),
});

// The answer of both (the vendor's shape; signingSecret is ours).
export const attributionPerson = z.object({ id: z.number().int().nullable(), code: z.string(), name: z.string(), type: z.enum(["USER", "API_CLIENT", "SYSTEM"]) });

export const v3WebhookAnswer = z
  .object({
    data: z.object({
      webHookId: z.number().int(),
      name: z.string(),
      eventNames: z.array(z.string()),
      webHookUrl: z.string(),
      webHookType: z.literal("HTTP"),
      methodType: z.literal("POST"),
      webHookHeaders: z.record(z.string(), z.string()),
      noOfRetryAttempts: z.number().int(),
      maxAllowedConnections: z.number().int().nullable(),
      active: z.boolean(),
      slaInSeconds: z.number().int().nullable(),
      consumerGroupId: z.null().meta({ description: "The vendor's queue consumer group; this server has none." }),
      attribution: z.object({ createdOn: z.string(), lastUpdatedOn: z.string(), createdBy: attributionPerson.nullable(), lastUpdatedBy: attributionPerson.nullable() }),
      signingSecret: z.string().optional().meta({ description: "POST only, shown once: the HMAC-SHA256 key of the X-Loyalty-Signature header." }),
    }),
    errors: z.null(),
  })
  .meta({ id: "V3WebhookAnswer" });

export type V3WebhookCreate = z.output<typeof v3WebhookCreateSchema>;
export type V3WebhookUpdate = z.output<typeof v3WebhookUpdateSchema>;
