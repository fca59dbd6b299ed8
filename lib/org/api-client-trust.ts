import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

/**
 * An admin's mark that an API client may transfer points between customers without the sender's
 * OTP (only while the org's POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS is on). Audited.
 */
export async function setApiClientTrusted({ orgId, actor, id, trusted }: { orgId: number; actor: Actor; id: number; trusted: boolean }): Promise<{ trusted: boolean }> {
  return db.$transaction(async (tx) => {
    const client = await tx.apiClient.findFirst({ where: { id, orgId }, select: { name: true, clientId: true, revokedAt: true, trustedForTransfers: true } });
    if (!client) throw new AppError("NOT_FOUND", "That API client does not exist in this org.");
    if (client.revokedAt && trusted) throw new AppError("CONFLICT", `${client.name} is revoked: it cannot be trusted.`);
    if (client.trustedForTransfers === trusted) return { trusted };
    await tx.apiClient.updateMany({ where: { id, orgId }, data: { trustedForTransfers: trusted } });
    await recordAudit(tx, {
      orgId, actor, action: "apiClient.trustForTransfers", entityType: "ApiClient", entityId: id,
      before: { name: client.name, clientId: client.clientId, trustedForTransfers: client.trustedForTransfers },
      after: { name: client.name, clientId: client.clientId, trustedForTransfers: trusted },
    });
    return { trusted };
  });
}
