import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOrgConfig } from "@/lib/org/configs";

// The group page's activity (SPEC §7 "Group view"): the members' recent bills — the group's
// transactions as GET /v2/userGroup2/transactions defines them (bills made while a member:
// joined ≤ billed < exited) — with who made each and what it brought the group wallet, and the
// group's lifetime spend over all of them. One join of the memberships with each member's bills
// (index customerId, billedAt), so a group of 10,000 costs its members' bills, not one condition
// per member on every bill of the org.

export type GroupBill = { id: number; number: string; type: string; amount: number; billedAt: Date; customerId: number; customerName: string; groupPoints: number };

export async function recentGroupBills({ orgId, groupId, limit = 10 }: { orgId: number; groupId: number; limit?: number }): Promise<{ bills: GroupBill[]; lifetimeSpend: number; total: number }> {
  // The API refuses group reads when the org has groups switched off (1690); the page still shows
  // what the group holds, without bills.
  if (!(await getOrgConfig(orgId, "CONF_USER_GROUP_ENABLED"))) return { bills: [], lifetimeSpend: 0, total: 0 };
  const groupBills = Prisma.sql`
    SELECT t.id, t.number, t.type::text AS type, t.amount, t."billedAt", t."customerId"
    FROM "GroupMembership" gm
    JOIN "Transaction" t ON t."orgId" = ${orgId} AND t."customerId" = gm."customerId" AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
    WHERE gm."orgId" = ${orgId} AND gm."groupId" = ${groupId}`;
  const [recent, totals] = await Promise.all([
    db.$queryRaw<{ id: number; number: string; type: string; amount: Prisma.Decimal; billedAt: Date; customerId: number; firstName: string | null; lastName: string | null }[]>`
      SELECT b.*, c."firstName", c."lastName"
      FROM (${groupBills} ORDER BY t."billedAt" DESC, t.id DESC LIMIT ${limit}) b
      LEFT JOIN "Customer" c ON c.id = b."customerId"
      ORDER BY b."billedAt" DESC, b.id DESC`,
    db.$queryRaw<{ total: number; spend: Prisma.Decimal | null }[]>`
      SELECT COUNT(*)::int AS total, SUM(CASE WHEN b.type = 'RETURN' THEN -b.amount ELSE b.amount END) AS spend FROM (${groupBills}) b`,
  ]);
  const points = await groupPointsOf(orgId, groupId, recent.map((b) => b.id));
  return {
    total: totals[0]?.total ?? 0,
    lifetimeSpend: Number(totals[0]?.spend ?? 0),
    bills: recent.map((t) => ({
      id: t.id, number: t.number, type: t.type, amount: Number(t.amount), billedAt: t.billedAt, customerId: t.customerId,
      customerName: `${t.firstName ?? ""} ${t.lastName ?? ""}`.trim() || `Customer ${t.customerId}`,
      groupPoints: points.get(t.id) ?? 0,
    })),
  };
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
