import "server-only";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadTierSetups, recordTierChange, type TierChangeResult } from "./apply";
import { decideAtExpiry } from "./rules";

// When tier validities end (issue 12, on the job queue): each member whose tier expired is
// renewed or downgraded by the program's rules, from what they earned while holding the tier
// (purchases or points, by the program's tier basis). Like the expiry sweep, enrolments are taken
// in batches with FOR UPDATE SKIP LOCKED, each batch commits on its own, and a decided enrolment
// gets a new expiry (or none), so a second sweep, a crash mid-way or a rerun never applies twice.

type Due = { id: number; orgId: number; programId: number; customerId: number; tierId: number; tierSince: Date | null; tierExpiresAt: Date; enrolledAt: Date };

export async function reassessExpiredTiers({ asOf = new Date(), orgId, batchSize = 50 }: { asOf?: Date; orgId?: number; batchSize?: number } = {}): Promise<TierChangeResult[]> {
  const out: TierChangeResult[] = [];
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<Due[]>`
        SELECT id, "orgId", "programId", "customerId", "tierId", "tierSince", "tierExpiresAt", "enrolledAt"
          FROM "ProgramEnrollment"
         WHERE "tierExpiresAt" IS NOT NULL AND "tierExpiresAt" <= (${asOf.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND "tierId" IS NOT NULL
           AND (${orgId ?? null}::int IS NULL OR "orgId" = ${orgId ?? null}::int)
         ORDER BY id
         LIMIT ${batchSize}
         FOR UPDATE SKIP LOCKED`;
      const changes: TierChangeResult[] = [];
      for (const e of due) changes.push(...(await reassessOne(tx, e)));
      return { count: due.length, changes };
    });
    out.push(...batch.changes);
    if (batch.count < batchSize) return out;
  }
}

async function reassessOne(tx: Prisma.TransactionClient, e: Due): Promise<TierChangeResult[]> {
  const setup = (await loadTierSetups(tx, e.orgId, [e.programId])).get(e.programId);
  const current = setup?.tiers.find((t) => t.id === e.tierId);
  if (!setup || !current) {
    await tx.programEnrollment.update({ where: { id: e.id }, data: { tierExpiresAt: null } });
    return [];
  }
  const from = e.tierSince ?? e.enrolledAt;
  const periodValue = await valueEarned(tx, { ...e, from, to: e.tierExpiresAt, basis: setup.policy.basis });
  const decision = decideAtExpiry({ tiers: setup.tiers, current, periodValue, policy: setup.policy, expiredAt: e.tierExpiresAt });
  return recordTierChange(tx, {
    orgId: e.orgId, setup, customerId: e.customerId, from: current, decision, cause: "SCHEDULE",
    reason: `Validity ended ${e.tierExpiresAt.toISOString().slice(0, 10)}: ${decision.note}`, actor: SYSTEM_ACTOR, now: e.tierExpiresAt,
  });
}

/** Net purchases (bills less returns) or points earned in the program between two instants. */
async function valueEarned(tx: Prisma.TransactionClient, q: { orgId: number; programId: number; customerId: number; from: Date; to: Date; basis: "LIFETIME_PURCHASES" | "LIFETIME_POINTS" }): Promise<number> {
  if (q.basis === "LIFETIME_PURCHASES") {
    const [row] = await tx.$queryRaw<{ value: string }[]>`
      SELECT COALESCE(SUM(CASE WHEN type = 'RETURN' THEN -amount ELSE amount END), 0)::text AS value
        FROM "Transaction"
       WHERE "orgId" = ${q.orgId} AND "customerId" = ${q.customerId} AND ${q.programId} = ANY("programIds")
         AND "billedAt" >= (${q.from.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND "billedAt" < (${q.to.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    return Number(row?.value ?? 0);
  }
  const [row] = await tx.$queryRaw<{ value: string }[]>`
    SELECT COALESCE(SUM(p.amount), 0)::text AS value
      FROM "Posting" p JOIN "Movement" m ON m.id = p."movementId" JOIN "PointsAccount" a ON a.id = p."accountId"
     WHERE a."orgId" = ${q.orgId} AND a."ownerType" = 'CUSTOMER' AND a."ownerId" = ${q.customerId} AND a."programId" = ${q.programId}
       AND m.kind = 'EARN' AND m."createdAt" >= (${q.from.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND m."createdAt" < (${q.to.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Number(row?.value ?? 0);
}
