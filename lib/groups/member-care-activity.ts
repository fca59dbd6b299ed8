import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOrgConfig } from "@/lib/org/configs";
import { groupBillTotals } from "./bill-totals";

// The group page's activity (SPEC §7 "Group view"): the members' recent bills — the group's
// transactions as GET /v2/userGroup2/transactions defines them (bills made while a member:
// joined ≤ billed < exited) — with who made each and what it brought the group wallet, and the
// group's lifetime spend over all of them (lib/groups/bill-totals.ts). The recent ones join the
// memberships with each member's bills (index customerId, billedAt), never one condition per
// member on every bill of the org.

export type GroupBill = { id: number; number: string; type: string; amount: number; billedAt: Date; customerId: number; customerName: string; groupPoints: number };

export async function recentGroupBills({ orgId, groupId, limit = 10 }: { orgId: number; groupId: number; limit?: number }): Promise<{ bills: GroupBill[]; lifetimeSpend: number; total: number }> {
  // The API refuses group reads when the org has groups switched off (1690); the page still shows
  // what the group holds, without bills.
  if (!(await getOrgConfig(orgId, "CONF_USER_GROUP_ENABLED"))) return { bills: [], lifetimeSpend: 0, total: 0 };
  const [recent, totals] = await Promise.all([recentBills(orgId, groupId, limit), groupBillTotals(orgId, groupId)]);
  const points = await groupPointsOf(orgId, groupId, recent.map((b) => b.id));
  return {
    total: totals.total,
    lifetimeSpend: totals.spend,
    bills: recent.map((t) => ({
      id: t.id, number: t.number, type: t.type, amount: Number(t.amount), billedAt: t.billedAt, customerId: t.customerId,
      customerName: `${t.firstName ?? ""} ${t.lastName ?? ""}`.trim() || `Customer ${t.customerId}`,
      groupPoints: points.get(t.id) ?? 0,
    })),
  };
}

type BillRow = { id: number; number: string; type: string; amount: Prisma.Decimal; billedAt: Date; customerId: number; firstName: string | null; lastName: string | null };

/**
 * The `limit` latest bills of the group. Looked for in the last day first, then further back: a
 * window is a short range of each member's (customerId, billedAt) index, and the latest `limit`
 * bills within a window that holds that many are the latest of all.
 */
async function recentBills(orgId: number, groupId: number, limit: number): Promise<BillRow[]> {
  for (const days of [1, 30, 365, null]) {
    const since = days === null ? Prisma.empty : Prisma.sql`AND t."billedAt" >= ${new Date(Date.now() - days * 86_400_000)}`;
    const rows = await db.$queryRaw<BillRow[]>`
      SELECT b.*, c."firstName", c."lastName"
      FROM (
        SELECT t.id, t.number, t.type::text AS type, t.amount, t."billedAt", t."customerId"
        FROM "GroupMembership" gm
        JOIN "Transaction" t ON t."orgId" = ${orgId} AND t."customerId" = gm."customerId" AND t."billedAt" >= gm."joinedAt"
          AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt") ${since}
        WHERE gm."orgId" = ${orgId} AND gm."groupId" = ${groupId}
        ORDER BY t."billedAt" DESC, t.id DESC LIMIT ${limit}
      ) b
      LEFT JOIN "Customer" c ON c.id = b."customerId"
      ORDER BY b."billedAt" DESC, b.id DESC`;
    if (rows.length >= limit || days === null) return rows;
  }
  return [];
}

/** What each bill brought the group wallet, net of what its returns took back (the API's availablePoints). */
async function groupPointsOf(orgId: number, groupId: number, transactionIds: number[]): Promise<Map<number, number>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ transactionId: number; points: Prisma.Decimal }[]>`
    SELECT m."transactionId", SUM(p.amount) FILTER (WHERE p.amount > 0 OR m.kind = 'RETURN') AS points
    FROM "Movement" m
    JOIN "Posting" p ON p."movementId" = m.id
    JOIN "PointsAccount" a ON a.id = p."accountId" AND a."orgId" = ${orgId} AND a."ownerType" = 'USERGROUP' AND a."ownerId" = ${groupId}
    WHERE m."transactionId" IN (${Prisma.join(transactionIds)})
    GROUP BY m."transactionId"`;
  return new Map(rows.map((r) => [r.transactionId, Number(r.points ?? 0)]));
}
