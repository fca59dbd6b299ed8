import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { getOrgConfig } from "@/lib/org/configs";
import { encryptSecret, newSigningSecret } from "./secret";
import type { WebhookInput } from "./schema";
import { checkTarget } from "./target";

// Webhook subscriptions (Settings → Webhooks and /v3/webHooks): created with a signing secret that
// is shown once, audited without it.

const publicFields = {
  id: true, name: true, url: true, events: true, headers: true, active: true, maxAttempts: true, maxAllowedConnections: true, slaInSeconds: true, createdAt: true, updatedAt: true,
} as const;

/** What the vendor's API sets beyond the console's form (SPEC-vendor-api §F.2). */
export type SubscriptionExtras = { active?: boolean; maxAttempts?: number; maxAllowedConnections?: number | null; slaInSeconds?: number | null };

type Tx = Prisma.TransactionClient;

// The vendor's name is unique; here within the org (one org is one of its clusters' tenants).
async function assertNameFree(tx: Tx, orgId: number, name: string, exceptId?: number) {
  const other = await tx.webhookSubscription.findFirst({ where: { orgId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw new AppError("CONFLICT", `A webhook named "${name}" already exists (id ${other.id}).`, { field: "name" });
}

export async function createSubscription({ orgId, actor, input }: { orgId: number; actor: Actor; input: WebhookInput & SubscriptionExtras }) {
  await checkTarget(input.url, { allowPrivate: await getOrgConfig(orgId, "WEBHOOK_ALLOW_PRIVATE_TARGETS") });
  const secret = newSigningSecret();
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, orgId, input.name);
    const row = await tx.webhookSubscription.create({
      data: {
        orgId, name: input.name, url: input.url, events: input.events, headers: input.headers as Prisma.InputJsonValue, signingSecret: encryptSecret(secret),
        ...extrasData(input),
      },
      select: publicFields,
    });
    await recordAudit(tx, { orgId, actor, action: "webhook.create", entityType: "WebhookSubscription", entityId: row.id, after: auditView(row) });
    return { subscription: row, secret };
  });
}

export async function updateSubscription({ orgId, actor, id, input }: { orgId: number; actor: Actor; id: number; input: Partial<WebhookInput> & SubscriptionExtras }) {
  if (input.url !== undefined) await checkTarget(input.url, { allowPrivate: await getOrgConfig(orgId, "WEBHOOK_ALLOW_PRIVATE_TARGETS") });
  return db.$transaction(async (tx) => {
    const before = await tx.webhookSubscription.findFirst({ where: { id, orgId }, select: publicFields });
    if (!before) throw new AppError("NOT_FOUND", `Webhook ${id} not found`);
    if (input.name !== undefined) await assertNameFree(tx, orgId, input.name, id);
    const row = await tx.webhookSubscription.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        // The vendor's PUT replaces the event list: names left out are removed (SPEC-vendor-api §F.2).
        ...(input.events !== undefined ? { events: input.events } : {}),
        ...(input.headers !== undefined ? { headers: input.headers as Prisma.InputJsonValue } : {}),
        ...extrasData(input),
      },
      select: publicFields,
    });
    await recordAudit(tx, { orgId, actor, action: "webhook.update", entityType: "WebhookSubscription", entityId: id, before: auditView(before), after: auditView(row) });
    return row;
  });
}

// Header names only: their values are often credentials (client-secret, AccessToken).
function auditView(s: { name: string; url: string; events: string[]; active: boolean; headers: Prisma.JsonValue; maxAttempts: number; maxAllowedConnections: number | null; slaInSeconds: number | null }) {
  return {
    name: s.name, url: s.url, events: s.events, active: s.active, headers: Object.keys(s.headers as object),
    maxAttempts: s.maxAttempts, maxAllowedConnections: s.maxAllowedConnections, slaInSeconds: s.slaInSeconds,
  };
}

function extrasData(input: SubscriptionExtras) {
  return {
    ...(input.active !== undefined ? { active: input.active } : {}),
    ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
    ...(input.maxAllowedConnections !== undefined ? { maxAllowedConnections: input.maxAllowedConnections } : {}),
    ...(input.slaInSeconds !== undefined ? { slaInSeconds: input.slaInSeconds } : {}),
  };
}

export async function listSubscriptions(orgId: number) {
  return db.webhookSubscription.findMany({ where: { orgId }, select: publicFields, orderBy: { id: "asc" } });
}

export async function getSubscription(orgId: number, id: number) {
  return db.webhookSubscription.findFirst({ where: { orgId, id }, select: publicFields });
}

/** The delivery log: newest first, each with its subscription's name and its attempts. */
export async function listDeliveries({ orgId, take = 50 }: { orgId: number; take?: number }) {
  return db.webhookDelivery.findMany({
    where: { orgId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true, eventName: true, eventId: true, status: true, attempts: true, lastHttpStatus: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true,
      subscription: { select: { name: true } },
      attemptLog: { select: { at: true, httpStatus: true, latencyMs: true, error: true }, orderBy: { id: "desc" }, take: 1 },
    },
  });
}
