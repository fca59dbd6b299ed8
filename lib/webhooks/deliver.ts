import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { getOrgConfig } from "@/lib/org/configs";
import { DELIVERY_JOB_ATTEMPTS } from "./outbox";
import { decryptSecret } from "./secret";
import { SIGNATURE_HEADER, sign } from "./signature";
import { checkTarget } from "./target";

// Sending one delivery (the queue's webhooks:deliver task). At least once: the attempt is recorded
// after the receiver answers, so a worker killed in between leaves the delivery PENDING and its job
// runs again, with the same event id for the receiver to de-duplicate. Failures retry with
// exponential backoff capped at 15 minutes, so the default 12 attempts span more than an hour.

const TIMEOUT_MS = 10_000;
const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 15 * 60_000;

export function retryDelayMs(attempt: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempt - 1, 0), MAX_DELAY_MS);
}

export type DeliveryOutcome = { status: "DELIVERED" | "PENDING" | "FAILED" | "SKIPPED"; httpStatus: number | null };

export async function deliverOnce(deliveryId: number, hooks: { afterSend?: () => Promise<void> | void } = {}): Promise<DeliveryOutcome> {
  const d = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!d || d.status !== "PENDING" || !d.subscription) return { status: "SKIPPED", httpStatus: null };
  const sub = d.subscription;
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    await checkTarget(sub.url, { allowPrivate: await getOrgConfig(d.orgId, "WEBHOOK_ALLOW_PRIVATE_TARGETS") });
    const res = await fetch(sub.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        ...(sub.headers as Record<string, string>),
        "content-type": "application/json",
        "user-agent": "loyalty-console-webhooks/1",
        "x-loyalty-event": d.eventName,
        "x-loyalty-event-id": d.eventId,
        [SIGNATURE_HEADER]: sign(decryptSecret(sub.signingSecret), timestamp, body),
      },
      body,
    });
    httpStatus = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await hooks.afterSend?.();
  const latencyMs = Date.now() - started;
  const attempts = d.attempts + 1;
  const delivered = error === null;
  const failed = !delivered && attempts >= sub.maxAttempts;
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts));
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.webhookAttempt.create({ data: { deliveryId: d.id, httpStatus, latencyMs, error } });
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: {
        attempts, lastHttpStatus: httpStatus, lastError: error,
        status: delivered ? "DELIVERED" : failed ? "FAILED" : "PENDING",
        ...(delivered ? { deliveredAt: new Date() } : { nextAttemptAt }),
      },
    });
    if (!delivered && !failed) await enqueueJob(tx, "webhooks:deliver", { deliveryId: d.id }, { runAt: nextAttemptAt, jobKey: `webhook-delivery:${d.id}`, maxAttempts: DELIVERY_JOB_ATTEMPTS });
  });
  return { status: delivered ? "DELIVERED" : failed ? "FAILED" : "PENDING", httpStatus };
}

/** Manual redelivery from the console: a delivered or failed event is sent again, as a new attempt series. */
export async function redeliver(orgId: number, deliveryId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, orgId }, select: { id: true } });
    if (!d) throw new AppError("NOT_FOUND", `Delivery ${deliveryId} not found`);
    await tx.webhookDelivery.update({ where: { id: d.id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() } });
    await enqueueJob(tx, "webhooks:deliver", { deliveryId: d.id }, { jobKey: `webhook-delivery:${d.id}`, maxAttempts: DELIVERY_JOB_ATTEMPTS });
  });
}
