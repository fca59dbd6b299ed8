import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { bucketFloor, rollupState } from "./rollup";
import { TREND_GRAINS, type TrendBucket, type TrendGrain } from "./trend-shape";

// The programs overview's KPI trend (seed 003's MLP overview): points issued, redeemed and expired
// and active members, per day or week, for the org or one program, read from the ledger.
//
// Why it stays fast on a big ledger: the points come from the program's system accounts (at most
// three per program; each posting mirrors one movement's amount), as their daily roll-up
// (AccountDayTotal, lib/ledger/rollup.ts) plus the postings past its watermark; active members of
// the buckets that closed before the last refresh were counted then (ActiveMemberCount), and only
// the open ones are counted from the postings (index Posting (orgId, createdAt, accountId)).

export async function ledgerTrend({ orgId, programId, grain, now = new Date() }: { orgId: number; programId?: number | undefined; grain: TrendGrain; now?: Date }): Promise<TrendBucket[]> {
  const { unit, buckets } = TREND_GRAINS[grain];
  const since = bucketStart(now, grain, buckets - 1);
  const program = programId === undefined ? Prisma.empty : Prisma.sql`AND a."programId" = ${programId}`;
  const { postingsThrough: through, closedBefore } = await rollupState();
  // Buckets ending by closedBefore have a final count; the rest are counted live.
  const liveFrom = closedBefore && closedBefore > since ? new Date(Math.max(since.getTime(), bucketFloor(closedBefore, grain).getTime())) : since;
  const [points, counted, active] = await Promise.all([
    db.$queryRaw<{ bucket: string; issued: Prisma.Decimal | null; redeemed: Prisma.Decimal | null; expired: Prisma.Decimal | null }[]>`
      WITH acc AS MATERIALIZED (
        SELECT a.id, a."systemKind" FROM "PointsAccount" a
        WHERE a."orgId" = ${orgId} AND a."ownerType" = 'SYSTEM' AND a."systemKind" IN ('ISSUANCE', 'REDEMPTION', 'EXPIRY') ${program}
      )
      SELECT to_char(date_trunc(${unit}, x.at), 'YYYY-MM-DD') AS bucket,
        -SUM(x.amount) FILTER (WHERE acc."systemKind" = 'ISSUANCE') AS issued,
        SUM(x.amount) FILTER (WHERE acc."systemKind" = 'REDEMPTION') AS redeemed,
        SUM(x.amount) FILTER (WHERE acc."systemKind" = 'EXPIRY') AS expired
      FROM (
        SELECT r."accountId", r.day::timestamp AS at, r.credits + r.debits AS amount
        FROM "AccountDayTotal" r WHERE r."accountId" IN (SELECT id FROM acc) AND r.day >= ${since}::date
        UNION ALL
        SELECT p."accountId", p."createdAt", p.amount
        FROM "Posting" p
        WHERE p."accountId" IN (SELECT id FROM acc) AND p."createdAt" >= ${since}
          AND p.id > ${through} AND p.id > (SELECT COALESCE(MAX("postingsThrough"), 0) FROM "LedgerRollupState")
      ) x JOIN acc ON acc.id = x."accountId"
      GROUP BY 1`,
    liveFrom > since
      ? db.activeMemberCount.findMany({ where: { orgId, programId: programId ?? 0, grain, start: { gte: since, lt: liveFrom } }, select: { start: true, members: true } })
      : Promise.resolve([]),
    // The open buckets' (bucket, account) pairs first, then each one's account by primary key (the
    // LATERAL … LIMIT 1): joined plainly, the planner hashes every customer account of the org to
    // match a few thousand postings.
    db.$queryRaw<{ bucket: string; members: number }[]>`
      WITH live AS MATERIALIZED (
        SELECT date_trunc(${unit}, p."createdAt") AS b, p."accountId" FROM "Posting" p
        WHERE p."orgId" = ${orgId} AND p."createdAt" >= ${liveFrom} GROUP BY 1, 2
      )
      SELECT to_char(live.b, 'YYYY-MM-DD') AS bucket, COUNT(DISTINCT a."ownerId")::int AS members
      FROM live CROSS JOIN LATERAL (
        SELECT a."ownerId" FROM "PointsAccount" a WHERE a.id = live."accountId" AND a."ownerType" = 'CUSTOMER' ${program} LIMIT 1
      ) a
      GROUP BY 1`,
  ]);
  const byBucket = new Map(points.map((r) => [r.bucket, r]));
  const members = new Map([...counted.map((r) => [day(r.start), r.members] as const), ...active.map((r) => [r.bucket, r.members] as const)]);
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
