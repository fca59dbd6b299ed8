import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CUSTOMER_TRANSACTION_SORTS } from "./customer-transactions-sorts";
import { PAGE_SIZE, pageOf, skipFor, type Page, type SortDir } from "@/lib/pagination";

// A customer's bills for Member Care's Transactions tab: purchases and returns, newest first (or
// by amount), with the till and the points each one moved on the customer's own wallets and on
// group wallets, as the ledger recorded them.


export type CustomerTransactionRow = {
  id: number;
  number: string;
  type: "REGULAR" | "RETURN" | "NOT_INTERESTED" | string;
  amount: number;
  billedAt: Date;
  till: string | null;
  store: string | null;
  memberPoints: number;
  groupPoints: number;
};

export async function listCustomerTransactions({
  orgId, customerId, sort = "billed", dir = "desc", page = 1, pageSize = PAGE_SIZE,
}: {
  orgId: number; customerId: number; sort?: (typeof CUSTOMER_TRANSACTION_SORTS)[number]; dir?: SortDir; page?: number; pageSize?: number;
}): Promise<Page<CustomerTransactionRow>> {
  const where = { orgId, customerId };
  const total = await db.transaction.count({ where });
  const current = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = await db.transaction.findMany({
    where,
    orderBy: sort === "amount" ? [{ amount: dir }, { id: dir }] : [{ billedAt: dir }, { id: dir }],
    skip: skipFor(current, pageSize),
    take: pageSize,
    select: { id: true, number: true, type: true, amount: true, billedAt: true, till: { select: { code: true, store: { select: { name: true } } } } },
  });
  const ids = rows.map((r) => r.id);
  const points = ids.length === 0 ? [] : await db.$queryRaw<{ transactionId: number; ownerType: string; points: Prisma.Decimal }[]>`
    SELECT m."transactionId", a."ownerType"::text AS "ownerType", SUM(p.amount) AS points
    FROM "Movement" m JOIN "Posting" p ON p."movementId" = m.id JOIN "PointsAccount" a ON a.id = p."accountId"
    WHERE m."orgId" = ${orgId} AND m."transactionId" IN (${Prisma.join(ids)}) AND a."ownerType" IN ('CUSTOMER', 'USERGROUP')
    GROUP BY m."transactionId", a."ownerType"`;
  const pointsOf = (id: number, type: string) => Number(points.find((p) => p.transactionId === id && p.ownerType === type)?.points ?? 0);
  return pageOf(
    rows.map((r) => ({
      id: r.id, number: r.number, type: r.type, amount: Number(r.amount), billedAt: r.billedAt,
      till: r.till?.code ?? null, store: r.till?.store.name ?? null,
      memberPoints: pointsOf(r.id, "CUSTOMER"), groupPoints: pointsOf(r.id, "USERGROUP"),
    })),
    total, current, pageSize,
  );
}
