"use server";

import { defineAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { redeliver } from "@/lib/webhooks/deliver";
import { parseHeaderLines, redeliverSchema, setWebhookActiveSchema, webhookFormSchema, webhookHeadersSchema } from "@/lib/webhooks/schema";
import { createSubscription, updateSubscription } from "@/lib/webhooks/subscriptions";

// Settings → Webhooks: admins only (settings:write); lib/webhooks checks targets and audits.
export const createWebhookAction = defineAction("settings:write", webhookFormSchema, async ({ headerLines, ...input }, ctx) => {
  const parsed = webhookHeadersSchema.safeParse(parseHeaderLines(headerLines));
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((i) => i.message).join(" "), { field: "headerLines" });
  const headers = parsed.data;
  const { subscription, secret } = await createSubscription({ orgId: ctx.orgId, actor: ctx.actor, input: { ...input, headers } });
  return { id: subscription.id, name: subscription.name, secret };
});

export const setWebhookActiveAction = defineAction("settings:write", setWebhookActiveSchema, async ({ id, active }, ctx) => {
  await updateSubscription({ orgId: ctx.orgId, actor: ctx.actor, id, input: { active } });
  return { active };
});

export const redeliverAction = defineAction("settings:write", redeliverSchema, async ({ deliveryId }, ctx) => {
  await redeliver(ctx.orgId, deliveryId);
  return { queued: true };
});
