import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rollupState } from "@/lib/ledger/rollup";

// A group's bills (its members' bills made while members: joined ≤ billed < exited, as
// GET /v2/userGroup2/transactions defines them): how many and the lifetime spend (returns
// subtract). From each membership's roll-up (MembershipBillTotal, lib/ledger/rollup.ts) plus the
// bills past its watermark; a membership whose window changed since its roll-up (or that has none)
// is read from its bills. One statement, so a refresh committing meanwhile is seen whole or not at
// all; `through` is the watermark read just before, a literal for the planner (a short id range).

export async function groupBillTotals(orgId: number, groupId: number): Promise<{ total: number; spend: number }> {
  const { billsThrough: through } = await rollupState();
  const [row] = await db.$queryRaw<{ total: number; spend: Prisma.Decimal | null }[]>`
    WITH gm AS MATERIALIZED (
      SELECT gm.id, gm."customerId", gm."joinedAt", gm."exitedAt", r.bills, r.spend,
        COALESCE(r."joinedAt" = gm."joinedAt" AND r."exitedAt" IS NOT DISTINCT FROM gm."exitedAt", false) AS rolled
      FROM "GroupMembership" gm LEFT JOIN "MembershipBillTotal" r ON r."membershipId" = gm.id
      WHERE gm."orgId" = ${orgId} AND gm."groupId" = ${groupId}
    ), bills AS (
      SELECT SUM(bills)::int AS n, SUM(spend) AS spend FROM gm WHERE rolled
      UNION ALL
      SELECT COUNT(*)::int, SUM(CASE WHEN t.type = 'RETURN' THEN -t.amount ELSE t.amount END)
      FROM "Transaction" t JOIN gm ON gm.rolled AND gm."customerId" = t."customerId"
        AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
      WHERE t."orgId" = ${orgId} AND t.id > ${through} AND t.id > (SELECT COALESCE(MAX("billsThrough"), 0) FROM "LedgerRollupState")
      UNION ALL
      SELECT COUNT(*)::int, SUM(CASE WHEN t.type = 'RETURN' THEN -t.amount ELSE t.amount END)
      FROM gm JOIN "Transaction" t ON t."orgId" = ${orgId} AND t."customerId" = gm."customerId"
        AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
      WHERE NOT gm.rolled
    )
    SELECT COALESCE(SUM(n), 0)::int AS total, SUM(spend) AS spend FROM bills`;
  return { total: row?.total ?? 0, spend: Number(row?.spend ?? 0) };
}
