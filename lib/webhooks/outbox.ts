import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { cachedPerOrg } from "@/lib/org/cache";
import type { WebhookEvent } from "./events";

// The outbox (DESIGN §2, issue 12): an event becomes one delivery row per active subscription to
// it, and one queued job per delivery, in the same transaction as the change that caused it — so
// nothing is sent for a change that rolled back, and nothing is lost for one that committed.

type Tx = Prisma.TransactionClient;

/**
 * Queue attempts of one delivery job (not HTTP attempts: deliverOnce counts those and queues the
 * next itself). More than one, so a job whose worker died mid-send (its lock released by the queue
 * after 4 hours) or whose record step threw runs again; with one it would be spent and the
 * delivery left PENDING with nothing to send it (lib/webhooks/worker-kill.db.test.ts).
 */
export const DELIVERY_JOB_ATTEMPTS = 5;

export type EventInput = { orgId: number; eventName: WebhookEvent; data: Record<string, unknown>; refId?: string; requestId?: string };

/** Writes the event for every subscriber; answers the deliveries' event ids (one per subscription). */
export async function emitEvent(tx: Tx, event: EventInput): Promise<string[]> {
  // The org's subscribed events are cached per API request's setup version: no query for an org
  // nobody subscribes in (most bills, joins, redemptions).
  if (!(await subscribedEvents(tx, event.orgId)).has(event.eventName)) return [];
  const subscriptions = await tx.webhookSubscription.findMany({ where: { orgId: event.orgId, active: true, events: { has: event.eventName } }, select: { id: true } });
  const ids: string[] = [];
  for (const s of subscriptions) {
    const eventId = randomUUID();
    const payload = {
      eventName: event.eventName, eventId, orgId: event.orgId, refId: event.refId ?? null, apiRequestId: event.requestId ?? null,
      createdAt: Date.now(), data: event.data,
    };
    const row = await tx.webhookDelivery.create({
      data: { orgId: event.orgId, subscriptionId: s.id, eventName: event.eventName, eventId, payload: payload as Prisma.InputJsonValue, refId: event.refId ?? null, requestId: event.requestId ?? null },
      select: { id: true },
    });
    await enqueueJob(tx, "webhooks:deliver", { deliveryId: row.id }, { jobKey: `webhook-delivery:${row.id}`, maxAttempts: DELIVERY_JOB_ATTEMPTS });
    ids.push(eventId);
  }
  return ids;
}

export async function emitEvents(tx: Tx, events: EventInput[]): Promise<void> {
  for (const e of events) await emitEvent(tx, e);
}

/** Whether anyone listens: callers skip building a payload nobody subscribed to. */
export async function hasSubscribers(tx: Tx, orgId: number, eventName: WebhookEvent): Promise<boolean> {
  return (await subscribedEvents(tx, orgId)).has(eventName);
}

/** The events anyone in the org subscribes to, in one read: hot paths check this set first. */
export async function subscribedEvents(tx: Tx, orgId: number): Promise<Set<string>> {
  return cachedPerOrg(orgId, "webhooks:subscribed-events", async () => {
    const rows = await tx.webhookSubscription.findMany({ where: { orgId, active: true }, select: { events: true } });
    return new Set(rows.flatMap((r) => r.events));
  });
}
