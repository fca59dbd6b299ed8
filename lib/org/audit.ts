import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  orgId: number;
  actor: Actor;
  /** Verb-first and dotted: "program.create", "program.activate", "config.update", "apiClient.revoke". */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Records a configuration change in the audit log. Call it inside the same transaction as the
 * change, so there is never a change without its entry, or an entry for a change that rolled back.
 */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      orgId: entry.orgId,
      actorType: entry.actor.kind === "user" ? "USER" : entry.actor.kind === "apiClient" ? "API_CLIENT" : "SYSTEM",
      actorId: entry.actor.kind === "system" ? null : entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

// Dates and decimals become strings; undefined becomes SQL NULL (Prisma.DbNull is not needed for
// optional Json columns when we pass undefined).
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
