import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { TREND_GRAINS, type TrendBucket, type TrendGrain } from "./trend-shape";

// The programs overview's KPI trend (seed 003's MLP overview): points issued, redeemed and expired
// and active members, per day or week, for the org or one program, read from the ledger.
//
// Why it stays fast on a big ledger: the points come from the program's system accounts (at most
// three per program, each posting mirrors one movement's amount), so a bucket is an index range
// scan on Posting (accountId, createdAt, amount) and never touches customers' accounts; active
// members are the distinct customer accounts posted to in the window, read from the index on
// Posting (orgId, createdAt, accountId). Both read only the window, never the whole history.

export async function ledgerTrend({ orgId, programId, grain, now = new Date() }: { orgId: number; programId?: number | undefined; grain: TrendGrain; now?: Date }): Promise<TrendBucket[]> {
  const { unit, buckets } = TREND_GRAINS[grain];
  const since = bucketStart(now, grain, buckets - 1);
  const program = programId === undefined ? Prisma.empty : Prisma.sql`AND a."programId" = ${programId}`;
  const [points, active] = await Promise.all([
    db.$queryRaw<{ bucket: string; issued: Prisma.Decimal | null; redeemed: Prisma.Decimal | null; expired: Prisma.Decimal | null }[]>`
      SELECT to_char(date_trunc(${unit}, p."createdAt"), 'YYYY-MM-DD') AS bucket,
        -SUM(p.amount) FILTER (WHERE a."systemKind" = 'ISSUANCE') AS issued,
        SUM(p.amount) FILTER (WHERE a."systemKind" = 'REDEMPTION') AS redeemed,
        SUM(p.amount) FILTER (WHERE a."systemKind" = 'EXPIRY') AS expired
      FROM "PointsAccount" a
      JOIN "Posting" p ON p."accountId" = a.id AND p."createdAt" >= ${since}
      WHERE a."orgId" = ${orgId} AND a."ownerType" = 'SYSTEM' AND a."systemKind" IN ('ISSUANCE', 'REDEMPTION', 'EXPIRY') ${program}
      GROUP BY 1`,
    db.$queryRaw<{ bucket: string; members: number }[]>`
      SELECT to_char(date_trunc(${unit}, p."createdAt"), 'YYYY-MM-DD') AS bucket, COUNT(DISTINCT a."ownerId")::int AS members
      FROM "Posting" p
      JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" = 'CUSTOMER' ${program}
      WHERE p."orgId" = ${orgId} AND p."createdAt" >= ${since}
      GROUP BY 1`,
  ]);
  const byBucket = new Map(points.map((r) => [r.bucket, r]));
  const members = new Map(active.map((r) => [r.bucket, r.members]));
  return Array.from({ length: buckets }, (_, i) => {
    const start = day(bucketStart(now, grain, buckets - 1 - i));
    const row = byBucket.get(start);
    return { start, issued: num(row?.issued), redeemed: num(row?.redeemed), expired: num(row?.expired), activeMembers: members.get(start) ?? 0 };
  });
}

/** The start (UTC) of the bucket `back` buckets before the one holding `now`; weeks start on Monday, as date_trunc's do. */
function bucketStart(now: Date, grain: TrendGrain, back: number): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (grain === "day") return new Date(d.getTime() - back * 86_400_000);
  const monday = d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - back * 7 * 86_400_000);
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const num = (v: Prisma.Decimal | null | undefined) => (v === null || v === undefined ? 0 : Math.round(Number(v) * 10_000) / 10_000);
