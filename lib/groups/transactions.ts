import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { groupBillTotals } from "./bill-totals";
import { groupError } from "./errors";
import type { GroupSelector } from "./schema";
import { assertGroupsEnabled, findCustomerIdByIdentifier, resolveGroupId } from "./store";

// GET /v2/userGroup2/transactions (vendor §E.5): the bills of a group, i.e. the bills its members
// made while they were members (joined ≤ billed < exited), with the points each brought to the
// group wallet as the ledger recorded them.

export type GroupTransactionFilters = {
  type?: "REGULAR" | "RETURN" | undefined;
  transactionId?: number | undefined;
  billNumber?: string | undefined;
  customerId?: number | undefined;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
  embed?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  order?: "asc" | "desc" | undefined;
};

export async function listGroupTransactions({
  orgId,
  selector,
  primaryIdentifier,
  filters = {},
}: {
  orgId: number;
  selector: GroupSelector;
  primaryIdentifier?: { name: "mobile" | "email" | "externalId"; value: string } | undefined;
  filters?: GroupTransactionFilters;
}) {
  await assertGroupsEnabled(orgId);
  let groupId: number;
  if (selector.id === undefined && selector.externalId === undefined && selector.primaryUserId === undefined && primaryIdentifier) {
    const customerId = await findCustomerIdByIdentifier(db, orgId, primaryIdentifier.name, primaryIdentifier.value);
    groupId = await resolveGroupId(db, orgId, { primaryUserId: customerId });
  } else {
    groupId = await resolveGroupId(db, orgId, selector);
  }
  const group = await db.userGroup.findFirst({
    where: { id: groupId, orgId },
    select: {
      id: true, status: true,
      memberships: { select: { customerId: true, joinedAt: true, exitedAt: true, primaryMember: true }, orderBy: { joinedAt: "asc" } },
    },
  });
  if (!group) throw groupError(1632, [groupId]);
  const offset = filters.offset ?? 0;
  const limit = filters.limit ?? 20;
  const primaryUserId = group.memberships.filter((m) => m.primaryMember).at(-1)?.customerId ?? null;
  const embeds = new Set((filters.embed ?? "").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean));

  if (group.memberships.length === 0) return { data: [], pagination: { limit, offset, total: 0 }, warnings: [], errors: [] };
  // The group's bills: one join of its memberships with each member's bills (index customerId,
  // billedAt), not one OR branch per member on every bill of the org.
  const order = filters.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const conditions = [
    filters.type ? Prisma.sql`AND t.type::text = ${filters.type}` : Prisma.empty,
    filters.transactionId !== undefined ? Prisma.sql`AND t.id = ${filters.transactionId}` : Prisma.empty,
    filters.billNumber !== undefined ? Prisma.sql`AND t.number = ${filters.billNumber}` : Prisma.empty,
    filters.customerId !== undefined ? Prisma.sql`AND t."customerId" = ${filters.customerId}` : Prisma.empty,
    filters.startDate ? Prisma.sql`AND t."billedAt" >= ${filters.startDate}` : Prisma.empty,
    filters.endDate ? Prisma.sql`AND t."billedAt" < ${filters.endDate}` : Prisma.empty,
  ];
  const groupBills = Prisma.sql`
    SELECT t.id, t."billedAt"
    FROM "GroupMembership" gm
    JOIN "Transaction" t ON t."orgId" = ${orgId} AND t."customerId" = gm."customerId" AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
    WHERE gm."orgId" = ${orgId} AND gm."groupId" = ${groupId} ${Prisma.join(conditions, " ")}`;
  // Unfiltered, the count is the group's bill count the roll-ups keep (lib/groups/bill-totals.ts).
  const filtered = conditions.some((c) => c !== Prisma.empty);
  const [counted, page, totals] = await Promise.all([
    filtered ? db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM (${groupBills}) b` : Promise.resolve(null),
    db.$queryRaw<{ id: number }[]>`SELECT b.id FROM (${groupBills}) b ORDER BY b."billedAt" ${order}, b.id ${order} LIMIT ${limit} OFFSET ${offset}`,
    groupBillTotals(orgId, groupId),
  ]);
  const total = counted ? (counted[0]?.total ?? 0) : totals.total;
  const byId = new Map(
    (
      await db.transaction.findMany({
        where: { id: { in: page.map((r) => r.id) } },
        select: {
          id: true, number: true, type: true, amount: true, grossAmount: true, discount: true, billedAt: true, customerId: true,
          programIds: true, extendedFields: true, lineItems: true, till: { select: { code: true } },
        },
      })
    ).map((t) => [t.id, t]),
  );
  const rows = page.map((r) => byId.get(r.id)!);
  const lifeTimePurchases = totals.spend;
  const points = await pointsByTransaction(orgId, groupId, rows.map((r) => r.id));
  return {
    data: rows.map((t) => {
      const p = points.get(t.id);
      return {
        id: t.id,
        billNumber: t.number,
        type: t.type,
        billAmount: Number(t.amount),
        grossAmount: t.grossAmount === null ? null : Number(t.grossAmount),
        discount: Number(t.discount),
        billingDate: t.billedAt.toISOString(),
        tillCode: t.till?.code ?? null,
        customerId: t.customerId,
        programIds: t.programIds,
        ...(embeds.has("EXTENDEDFIELDS") ? { extendedFields: t.extendedFields } : {}),
        ...(embeds.has("LINEITEMS") ? { lineItemsV2: t.lineItems } : {}),
        transactionEventStatus: "PROCESSING_COMPLETE",
        pointSummary: {
          issuedPoints: p?.issued ?? 0,
          returnedPoints: p?.returned ?? 0,
          redeemedPoints: 0,
          expiredPoints: 0,
          availablePoints: (p?.issued ?? 0) - (p?.returned ?? 0),
          expiryDate: null,
          programId: p?.programId ?? t.programIds[0] ?? null,
          delayedPoints: 0,
          delayedPointsReturned: 0,
          redeemableFrom: null,
        },
        userGroup2: { id: group.id, groupStatus: group.status, lifeTimePurchases, primaryUserId },
      };
    }),
    pagination: { limit, offset, total },
    warnings: [],
    errors: [],
  };
}

async function pointsByTransaction(orgId: number, groupId: number, ids: number[]): Promise<Map<number, { issued: number; returned: number; programId: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ transactionId: number; programId: number; issued: Prisma.Decimal; returned: Prisma.Decimal }[]>`
    SELECT m."transactionId", a."programId",
      COALESCE(SUM(p.amount) FILTER (WHERE p.amount > 0), 0) AS issued,
      COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0 AND m.kind = 'RETURN'), 0) AS returned
    FROM "Posting" p JOIN "PointsAccount" a ON a.id = p."accountId" JOIN "Movement" m ON m.id = p."movementId"
    WHERE a."orgId" = ${orgId} AND a."ownerType" = 'USERGROUP' AND a."ownerId" = ${groupId} AND m."transactionId" IN (${Prisma.join(ids)})
    GROUP BY m."transactionId", a."programId"`;
  return new Map(rows.map((r) => [r.transactionId, { issued: Number(r.issued), returned: Number(r.returned), programId: r.programId }]));
}
