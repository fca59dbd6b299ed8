import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Roll-ups for Member Care's group page and the programs overview (issue 9), kept off the write
// path: nothing here runs when points move. The queue's `ledger:rollup` job calls
// refreshLedgerRollups; a read adds what arrived since (a primary-key range past the watermark),
// so every figure equals the plain recomputation from the postings and bills at any moment.
//
// The watermarks are ids, not times: a row's id comes from a sequence when it is inserted, so a
// transaction still open can hold an id below rows already committed. The refresh therefore reads
// the sequences first, then waits until every transaction that started before it has ended (so
// every id at or below what it read is committed or gone), and only then rolls up to those ids.
// Two refreshes at once queue on the state row (SELECT … FOR UPDATE): the second rolls only what
// the first left, so nothing is counted twice.

const DAY_MS = 86_400_000;
/** How far back the closed days and weeks of the trend are counted (its windows are 30 days and 12 weeks). */
const COUNT_DAYS = 31;
const COUNT_WEEKS = 13;

export type RollupResult =
  | { rolled: true; postings: number; bills: number; postingsThrough: number; billsThrough: number }
  | { rolled: false; reason: string };

type Client = Prisma.TransactionClient;

export async function refreshLedgerRollups({ waitMs = 60_000 }: { waitMs?: number } = {}): Promise<RollupResult> {
  const [seq] = await db.$queryRaw<{ postings: number; bills: number }[]>`
    SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "Posting_id_seq")::int AS postings,
      (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "Transaction_id_seq")::int AS bills`;
  const [{ at }] = (await db.$queryRaw<{ at: Date }[]>`SELECT clock_timestamp()::timestamp(3) AS at`) as [{ at: Date }];
  if (!(await waitForOlderTransactions(at, waitMs))) return { rolled: false, reason: "a transaction older than the refresh is still open" };
  const { postings, bills } = seq!;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "LedgerRollupState" (id, "postingsThrough", "billsThrough") VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING`;
      const [state] = await tx.$queryRaw<{ postingsThrough: number; billsThrough: number; closedBefore: Date | null }[]>`
        SELECT "postingsThrough", "billsThrough", "closedBefore" FROM "LedgerRollupState" WHERE id = 1 FOR UPDATE`;
      const from = state!;
      const postingsTo = Math.max(from.postingsThrough, postings);
      const billsTo = Math.max(from.billsThrough, bills);
      const rolledPostings = postingsTo > from.postingsThrough ? await rollPostings(tx, from.postingsThrough, postingsTo) : 0;
      const rolledBills = await rollBills(tx, from.billsThrough, billsTo);
      const closedBefore = from.closedBefore && from.closedBefore > at ? from.closedBefore : at;
      await countActiveMembers(tx, from.closedBefore, closedBefore);
      await tx.$executeRaw`UPDATE "LedgerRollupState" SET "postingsThrough" = ${postingsTo}, "billsThrough" = ${billsTo}, "closedBefore" = ${closedBefore} WHERE id = 1`;
      return { rolled: true as const, postings: rolledPostings, bills: rolledBills, postingsThrough: postingsTo, billsThrough: billsTo };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * Waits until no other session of this database is in a transaction that began before `at`. A
 * session of another role shows no state to us: it counts as open, so a roll-up never guesses.
 */
async function waitForOlderTransactions(at: Date, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [row] = await db.$queryRaw<{ open: number }[]>`
      SELECT COUNT(*)::int AS open FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        AND (state IS NULL OR xact_start < ${at})`;
    if ((row?.open ?? 0) === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Adds postings (from, to] to the day totals of group and system accounts and to the group contributions. */
async function rollPostings(tx: Client, from: number, to: number): Promise<number> {
  const days = await tx.$executeRaw`
    INSERT INTO "AccountDayTotal" ("orgId", "accountId", day, kind, credits, debits)
    SELECT p."orgId", p."accountId", p."createdAt"::date, m.kind,
      COALESCE(SUM(p.amount) FILTER (WHERE p.amount > 0), 0), COALESCE(SUM(p.amount) FILTER (WHERE p.amount < 0), 0)
    FROM "Posting" p
    JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" IN ('SYSTEM', 'USERGROUP')
    JOIN "Movement" m ON m.id = p."movementId"
    WHERE p.id > ${from} AND p.id <= ${to}
    GROUP BY 1, 2, 3, 4
    ON CONFLICT ("accountId", day, kind) DO UPDATE
      SET credits = "AccountDayTotal".credits + EXCLUDED.credits, debits = "AccountDayTotal".debits + EXCLUDED.debits`;
  await tx.$executeRaw`
    INSERT INTO "GroupContribution" ("orgId", "accountId", "customerId", points)
    SELECT p."orgId", p."accountId", t."customerId", SUM(p.amount)
    FROM "Posting" p
    JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" = 'USERGROUP'
    JOIN "Movement" m ON m.id = p."movementId"
    JOIN "Transaction" t ON t.id = m."transactionId"
    WHERE p.id > ${from} AND p.id <= ${to}
    GROUP BY 1, 2, 3
    ON CONFLICT ("accountId", "customerId") DO UPDATE SET points = "GroupContribution".points + EXCLUDED.points`;
  return days;
}

/**
 * Adds bills (from, to] to each membership's totals; a membership with no totals yet, or whose
 * window changed since (the member left), is recomputed from all its bills up to `to`.
 */
async function rollBills(tx: Client, from: number, to: number): Promise<number> {
  let added = 0;
  if (to > from) {
    added = await tx.$executeRaw`
      UPDATE "MembershipBillTotal" r SET bills = r.bills + x.bills, spend = r.spend + x.spend
      FROM (
        SELECT gm.id, COUNT(*)::int AS bills, SUM(CASE WHEN t.type = 'RETURN' THEN -t.amount ELSE t.amount END) AS spend
        FROM "Transaction" t
        JOIN "GroupMembership" gm ON gm."customerId" = t."customerId" AND gm."orgId" = t."orgId"
          AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
        WHERE t.id > ${from} AND t.id <= ${to}
        GROUP BY gm.id
      ) x, "GroupMembership" gm
      WHERE r."membershipId" = x.id AND gm.id = x.id AND r."joinedAt" = gm."joinedAt" AND r."exitedAt" IS NOT DISTINCT FROM gm."exitedAt"`;
  }
  const recomputed = await tx.$executeRaw`
    WITH stale AS MATERIALIZED (
      SELECT gm.id, gm."orgId", gm."groupId", gm."customerId", gm."joinedAt", gm."exitedAt"
      FROM "GroupMembership" gm LEFT JOIN "MembershipBillTotal" r ON r."membershipId" = gm.id
      WHERE r."membershipId" IS NULL OR r."joinedAt" <> gm."joinedAt" OR r."exitedAt" IS DISTINCT FROM gm."exitedAt"
    )
    INSERT INTO "MembershipBillTotal" ("membershipId", "orgId", "groupId", "joinedAt", "exitedAt", bills, spend)
    SELECT gm.id, gm."orgId", gm."groupId", gm."joinedAt", gm."exitedAt", COUNT(t.id)::int,
      COALESCE(SUM(CASE WHEN t.type = 'RETURN' THEN -t.amount ELSE t.amount END), 0)
    FROM stale gm
    LEFT JOIN "Transaction" t ON t."orgId" = gm."orgId" AND t."customerId" = gm."customerId" AND t.id <= ${to}
      AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
    GROUP BY gm.id, gm."orgId", gm."groupId", gm."joinedAt", gm."exitedAt"
    ON CONFLICT ("membershipId") DO UPDATE SET "joinedAt" = EXCLUDED."joinedAt", "exitedAt" = EXCLUDED."exitedAt", bills = EXCLUDED.bills, spend = EXCLUDED.spend`;
  return added + recomputed;
}

/**
 * Counts the distinct customers posted to in each day and week that closed since the last refresh
 * (within the trend's reach), per program and for the whole org (programId 0). Every posting of a
 * bucket that ends before `closedBefore` is committed (createdAt is its transaction's start), so
 * the count is final.
 */
async function countActiveMembers(tx: Client, previous: Date | null, closedBefore: Date) {
  for (const grain of ["day", "week"] as const) {
    const end = bucketFloor(closedBefore, grain);
    const reach = grain === "day" ? end.getTime() - COUNT_DAYS * DAY_MS : end.getTime() - COUNT_WEEKS * 7 * DAY_MS;
    const start = new Date(Math.max(reach, previous ? bucketFloor(previous, grain).getTime() : reach));
    if (start >= end) continue;
    // The unit is a literal (GROUP BY must see the same expression as the select list).
    const bucket = Prisma.raw(`date_trunc('${grain}', p."createdAt")`);
    await tx.$executeRaw`
      INSERT INTO "ActiveMemberCount" ("orgId", "programId", grain, start, members)
      SELECT p."orgId", COALESCE(a."programId", 0), ${grain}, ${bucket}::date, COUNT(DISTINCT a."ownerId")::int
      FROM "Posting" p JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" = 'CUSTOMER'
      WHERE p."createdAt" >= ${start} AND p."createdAt" < ${end}
      GROUP BY GROUPING SETS ((p."orgId", ${bucket}, a."programId"), (p."orgId", ${bucket}))
      ON CONFLICT ("orgId", "programId", grain, start) DO UPDATE SET members = EXCLUDED.members`;
  }
}

/** The start (UTC) of the day or week (Monday, as date_trunc's) holding `at`. */
export function bucketFloor(at: Date, grain: "day" | "week"): Date {
  const d = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(grain === "day" ? d : d - ((new Date(d).getUTCDay() + 6) % 7) * DAY_MS);
}

/** The watermarks now; a read passes them as literals so the planner sees how short the range past them is. */
export async function rollupState(): Promise<{ postingsThrough: number; billsThrough: number; closedBefore: Date | null }> {
  const [row] = await db.$queryRaw<{ postingsThrough: number; billsThrough: number; closedBefore: Date | null }[]>`
    SELECT "postingsThrough", "billsThrough", "closedBefore" FROM "LedgerRollupState" WHERE id = 1`;
  return row ?? { postingsThrough: 0, billsThrough: 0, closedBefore: null };
}
