import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

/**
 * An admin's per-client requests-per-minute limit (enforced by lib/api/rate-limit.ts on every
 * instance at once, since both read it from the client row); 0 is no limit. Audited.
 */
export async function setApiClientRateLimit({ orgId, actor, id, rateLimitPerMinute }: { orgId: number; actor: Actor; id: number; rateLimitPerMinute: number }): Promise<{ rateLimitPerMinute: number }> {
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.findFirst({ where: { id, orgId }, select: { name: true, clientId: true, revokedAt: true, rateLimitPerMinute: true } });
    if (!client) throw new AppError("NOT_FOUND", "That API client does not exist in this org.");
    if (client.revokedAt) throw new AppError("CONFLICT", `${client.name} is revoked: it makes no requests to limit.`);
    if (client.rateLimitPerMinute === rateLimitPerMinute) return { rateLimitPerMinute };
    await tx.apiClient.updateMany({ where: { id, orgId }, data: { rateLimitPerMinute } });
    await recordAudit(tx, {
      orgId, actor, action: "apiClient.rateLimit", entityType: "ApiClient", entityId: id,
      before: { name: client.name, clientId: client.clientId, rateLimitPerMinute: client.rateLimitPerMinute },
      after: { name: client.name, clientId: client.clientId, rateLimitPerMinute },
    });
    return { rateLimitPerMinute };
  });
}
