import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Owner } from "./types";

// An owner's balance over time, per program, for the customer page's chart: the postings summed
// by day and accumulated. One grouped read over the owner's accounts (index accountId, createdAt).

export type BalancePoint = { day: string; programId: number; balance: number; change: number };

export async function balanceOverTime({ orgId, owner }: { orgId: number; owner: Owner }): Promise<BalancePoint[]> {
  const rows = await db.$queryRaw<{ programId: number; day: string; change: Prisma.Decimal }[]>`
    SELECT a."programId", to_char(date_trunc('day', p."createdAt"), 'YYYY-MM-DD') AS day, SUM(p.amount) AS change
    FROM "PointsAccount" a JOIN "Posting" p ON p."accountId" = a.id
    WHERE a."orgId" = ${orgId} AND a."ownerType" = ${owner.type}::"AccountOwner" AND a."ownerId" = ${owner.id}
    GROUP BY a."programId", day ORDER BY day, a."programId"`;
  const running = new Map<number, number>();
  return rows.map((r) => {
    const change = Number(r.change);
    const balance = (running.get(r.programId) ?? 0) + change;
    running.set(r.programId, balance);
    return { day: r.day, programId: r.programId, balance: Math.round(balance * 10_000) / 10_000, change };
  });
}
