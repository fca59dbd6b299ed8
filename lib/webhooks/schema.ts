import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

// Input shapes of webhook subscriptions, for the console (Settings → Webhooks) and the vendor's
// POST/PUT /v3/webHooks. Client-safe.

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const RESERVED = new Set(["content-type", "content-length", "host", "user-agent", "x-loyalty-signature", "x-loyalty-event", "x-loyalty-event-id"]);

export const webhookHeadersSchema = z
  .record(z.string(), z.string().max(1000, "A header value is at most 1000 characters."))
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > 20) ctx.addIssue({ code: "custom", message: "At most 20 custom headers." });
    for (const name of names) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", message: `"${name}" is not a valid header name.` });
      else if (RESERVED.has(name.toLowerCase())) ctx.addIssue({ code: "custom", message: `${name} is set by the console itself and cannot be a custom header.` });
    }
  });

/** "Name: value" lines (the console's textarea) into a header record. */
export function parseHeaderLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(":");
    if (colon <= 0) out[line] = "";
    else out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

export const webhookInputSchema = z.object({
  name: z.string().trim().min(1, "Give the webhook a name.").max(100, "At most 100 characters."),
  url: z.string().trim().min(1, "Enter the URL deliveries are sent to.").max(2000, "At most 2000 characters."),
  events: z.array(z.enum(WEBHOOK_EVENTS), { error: "Choose the events to send." }).min(1, "Choose at least one event."),
  headers: webhookHeadersSchema.default({}),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookFormSchema = webhookInputSchema.omit({ headers: true }).extend({
  headerLines: z.string().max(5000).default(""),
});

export const setWebhookActiveSchema = z.object({ id: z.number().int().positive(), active: z.boolean() });
export const redeliverSchema = z.object({ deliveryId: z.number().int().positive() });
