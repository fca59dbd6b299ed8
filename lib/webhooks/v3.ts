import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createSubscription, getSubscription, updateSubscription } from "./subscriptions";
import type { attributionPerson, V3WebhookCreate, v3WebhookAnswer, V3WebhookUpdate } from "./v3-schema";

// The vendor's webhook API (SPEC-vendor-api §F.2) over the same service as Settings → Webhooks:
// only the field names and the answer's shape differ. Who created and last changed a webhook
// (the answer's attribution) comes from the audit log, which both doors write.

type Subscription = NonNullable<Awaited<ReturnType<typeof getSubscription>>>;

/** The vendor counts retries after the first attempt; we store attempts in all. */
const attemptsOf = (retries: number | undefined) => (retries === undefined ? undefined : retries + 1);

// Our field names in errors from lib/webhooks, the vendor's in the answer.
const VENDOR_FIELD: Record<string, string> = { url: "webHookUrl", name: "name" };
async function inVendorTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && e.field && VENDOR_FIELD[e.field]) throw new AppError(e.kind, e.message, { code: e.code, field: VENDOR_FIELD[e.field] });
    throw e;
  }
}

export async function createV3Webhook(orgId: number, actor: Actor, body: V3WebhookCreate) {
  const { subscription, secret } = await inVendorTerms(() =>
    createSubscription({
      orgId, actor,
      input: {
        name: body.name, url: body.webHookUrl, events: body.eventNames, headers: body.webHookHeaders, active: body.active,
        maxAttempts: attemptsOf(body.noOfRetryAttempts), maxAllowedConnections: body.maxAllowedConnections ?? null, slaInSeconds: body.slaInSeconds ?? null,
      },
    }),
  );
  const answer = await v3Answer(orgId, subscription);
  // Ours: the signing secret, once (the vendor documents no signing; receivers verify with it).
  return { ...answer, data: { ...answer.data, signingSecret: secret } };
}

export async function updateV3Webhook(orgId: number, actor: Actor, id: number, body: V3WebhookUpdate) {
  const row = await inVendorTerms(() =>
    updateSubscription({
      orgId, actor, id,
      input: {
        name: body.name, url: body.webHookUrl, events: body.eventNames, headers: body.webHookHeaders, active: body.active,
        maxAttempts: attemptsOf(body.noOfRetryAttempts), maxAllowedConnections: body.maxAllowedConnections, slaInSeconds: body.slaInSeconds,
      },
    }),
  );
  return v3Answer(orgId, row);
}

async function v3Answer(orgId: number, s: Subscription): Promise<z.output<typeof v3WebhookAnswer>> {
  const audits = await db.auditEntry.findMany({
    where: { orgId, entityType: "WebhookSubscription", entityId: String(s.id) },
    orderBy: { id: "asc" },
    select: { actorType: true, actorId: true, actorLabel: true },
  });
  const [createdBy, lastUpdatedBy] = await Promise.all([personOf(audits[0]), personOf(audits.at(-1))]);
  return {
    data: {
      webHookId: s.id,
      name: s.name,
      eventNames: s.events,
      webHookUrl: s.url,
      webHookType: "HTTP",
      methodType: "POST",
      webHookHeaders: s.headers as Record<string, string>,
      noOfRetryAttempts: s.maxAttempts - 1,
      maxAllowedConnections: s.maxAllowedConnections,
      active: s.active,
      slaInSeconds: s.slaInSeconds,
      consumerGroupId: null,
      attribution: { createdOn: s.createdAt.toISOString(), lastUpdatedOn: s.updatedAt.toISOString(), createdBy, lastUpdatedBy },
    },
    errors: null,
  };
}

type AuditActor = { actorType: "USER" | "API_CLIENT" | "SYSTEM"; actorId: number | null; actorLabel: string };

async function personOf(a: AuditActor | undefined): Promise<z.output<typeof attributionPerson> | null> {
  if (!a) return null;
  if (a.actorType === "API_CLIENT" && a.actorId) {
    const c = await db.apiClient.findUnique({ where: { id: a.actorId }, select: { clientId: true, name: true } });
    if (c) return { id: a.actorId, code: c.clientId, name: c.name, type: a.actorType };
  }
  if (a.actorType === "USER" && a.actorId) {
    const u = await db.user.findUnique({ where: { id: a.actorId }, select: { email: true, name: true } });
    if (u) return { id: a.actorId, code: u.email, name: u.name, type: a.actorType };
  }
  return { id: a.actorId, code: a.actorLabel, name: a.actorLabel, type: a.actorType };
}
