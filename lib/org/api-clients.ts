import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PAGE_SIZE, pageOf, skipFor, type Page } from "@/lib/pagination";
import { recordAudit } from "./audit";
import type { createApiClientSchema } from "./api-clients-schema";
import type { z } from "zod";

export type ApiClientRow = {
  id: number;
  name: string;
  clientId: string;
  till: { code: string; name: string } | null;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  trustedForTransfers: boolean;
  /** Requests per minute; 0 is no limit. */
  rateLimitPerMinute: number;
};

export type TillOption = { id: number; code: string; name: string; storeCode: string };

/** The org's API clients, active first, newest first within each group, one page at a time. */
export async function listApiClients({ orgId, page = 1 }: { orgId: number; page?: number }): Promise<Page<ApiClientRow>> {
  const total = await db.apiClient.count({ where: { orgId } });
  // A page past the end (an old link after revocations) shows the last page, not an empty list.
  const current = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const rows = await db.apiClient.findMany({
    where: { orgId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    skip: skipFor(current),
    take: PAGE_SIZE,
    select: {
      id: true, name: true, clientId: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, trustedForTransfers: true, rateLimitPerMinute: true,
      till: { select: { code: true, name: true } },
    },
  });
  return pageOf(rows, total, current);
}

/** Tills a new client can be bound to: active tills in active stores of the org. */
export async function listActiveTills({ orgId }: { orgId: number }): Promise<TillOption[]> {
  const tills = await db.till.findMany({
    where: { orgId, active: true, store: { active: true } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, store: { select: { code: true } } },
  });
  return tills.map((t) => ({ id: t.id, code: t.code, name: t.name, storeCode: t.store.code }));
}

export type CreatedApiClient = { id: number; clientId: string; name: string; secret: string };

/**
 * Creates a client with a fresh id and secret. The secret is returned once and stored only as a
 * slow hash: nobody, the admin included, can read it back later (they revoke and create anew).
 */
export async function createApiClient({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof createApiClientSchema>;
}): Promise<CreatedApiClient> {
  if (input.tillId !== null) {
    // The till must be this org's and in use: never bind by id alone (another org's till).
    const till = await db.till.findFirst({ where: { id: input.tillId, orgId, active: true }, select: { id: true } });
    if (!till) throw new AppError("INVALID", "Choose one of this org's active tills.", { field: "tillId" });
  }
  const clientId = `lc_${randomBytes(9).toString("base64url")}`;
  const secret = randomBytes(24).toString("base64url");
  const secretHash = await hashSecret(secret);
  const created = await db.$transaction(async (tx) => {
    const client = await tx.apiClient.create({
      data: {
        orgId,
        clientId,
        name: input.name,
        secretHash,
        tillId: input.tillId,
        scopes: input.scopes,
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, clientId: true, name: true, tillId: true, scopes: true },
    });
    // Never the secret nor its hash in the audit log.
    await recordAudit(tx, {
      orgId, actor, action: "apiClient.create", entityType: "ApiClient", entityId: client.id,
      after: { name: client.name, clientId: client.clientId, tillId: client.tillId, scopes: client.scopes },
    });
    return client;
  });
  return { id: created.id, clientId: created.clientId, name: created.name, secret };
}

/** Revokes a client at once: authenticateApiClient reads revokedAt on every request. */
export async function revokeApiClient({ orgId, actor, id }: { orgId: number; actor: Actor; id: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const client = await tx.apiClient.findFirst({ where: { id, orgId }, select: { id: true, name: true, clientId: true, revokedAt: true } });
    if (!client) throw new AppError("NOT_FOUND", "That API client does not exist in this org.");
    if (client.revokedAt) throw new AppError("CONFLICT", `${client.name} is already revoked.`);
    const revokedAt = new Date();
    // Conditional on revokedAt still being null, so two admins revoking at once record one revoke.
    const { count } = await tx.apiClient.updateMany({ where: { id, orgId, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new AppError("CONFLICT", `${client.name} is already revoked.`);
    await recordAudit(tx, {
      orgId, actor, action: "apiClient.revoke", entityType: "ApiClient", entityId: id,
      before: { name: client.name, clientId: client.clientId, revokedAt: null },
      after: { name: client.name, clientId: client.clientId, revokedAt },
    });
  });
}
