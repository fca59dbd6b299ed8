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
      // strictUndefinedChecks refuses an explicit undefined: leave an absent side out (SQL NULL).
      ...jsonField("before", entry.before),
      ...jsonField("after", entry.after),
    },
  });
}

function jsonField<K extends "before" | "after">(key: K, value: unknown): Partial<Record<K, Prisma.InputJsonValue>> {
  const json = toJson(value);
  return json === undefined ? {} : ({ [key]: json } as Record<K, Prisma.InputJsonValue>);
}

// Dates and decimals become strings; undefined and null are left out (SQL NULL).
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
