import "server-only";
import { db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";

// A sliding-window limiter kept in the database (table RateWindow), so a limit holds across app
// instances. Each bucket counts hits in fixed windows; the estimate for "the last window length"
// is this window's hits plus the previous window's, weighted by how much of it still overlaps
// (the sliding-window-counter approximation: exact enough, and one row per bucket and window).

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Rows older than this are pruned when a window opens; longer than twice any window we use. */
const RETAIN_MS = 60 * 60 * 1000;

type Counts = { previous: number; current: number; admitted: number | null; async_commit: string };

/**
 * Counts one hit in `bucket` if it fits under `limit` per `windowMs`, in one statement: an upsert
 * that increments only while the estimate with this hit stays within the limit. A refused hit is
 * not counted, so a client that waits the Retry-After it was given gets in.
 */
export async function admitHit(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<RateDecision> {
  const start = windowStartOf(now, windowMs);
  const weight = previousWeight(now, start, windowMs);
  const rows = await sqlRows<Counts>(`
    WITH prev AS (
      SELECT COALESCE((SELECT "hits" FROM "RateWindow" WHERE "bucket" = $1 AND "windowStart" = $2::timestamp(3)), 0) AS hits
    ), hit AS (
      INSERT INTO "RateWindow" AS w ("bucket", "windowStart", "hits")
      SELECT $1, $3::timestamp(3), 1 FROM prev WHERE prev.hits * $4::float8 + 1 <= $5::int
      ON CONFLICT ("bucket", "windowStart") DO UPDATE SET "hits" = w."hits" + 1
        WHERE (SELECT hits FROM prev) * $4::float8 + w."hits" + 1 <= $5::int
      RETURNING w."hits"
    )
    SELECT (SELECT hits FROM prev)::int AS previous,
           COALESCE((SELECT "hits" FROM "RateWindow" WHERE "bucket" = $1 AND "windowStart" = $3::timestamp(3)), 0)::int AS current,
           (SELECT "hits" FROM hit)::int AS admitted,
           -- A counter lost in a crash is harmless, and waiting for the commit's disk flush was
           -- most of the statement's cost (bench/rate-limit.bench.ts): this statement's own
           -- transaction commits without waiting (a transaction-local setting, read at commit).
           set_config('synchronous_commit', 'off', true) AS async_commit`,
    [bucket, new Date(start.getTime() - windowMs), start, weight, limit]);
  const counts = rows[0] ?? { previous: 0, current: 0, admitted: null };
  if (counts.admitted !== null) {
    // The first hit of a window: a moment to drop windows nobody can weigh any more.
    if (counts.admitted === 1) await pruneOldWindows(now);
    return { allowed: true };
  }
  return { allowed: false, retryAfterSeconds: secondsUntilRoom(counts, limit, now, start, windowMs) };
}

/** The decision for one more hit in `bucket`, without counting it (sign-in checks before it verifies). */
export async function peekHits(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<RateDecision> {
  const start = windowStartOf(now, windowMs);
  const rows = await db.rateWindow.findMany({
    where: { bucket, windowStart: { in: [start, new Date(start.getTime() - windowMs)] } },
    select: { windowStart: true, hits: true },
  });
  const current = rows.find((r) => r.windowStart.getTime() === start.getTime())?.hits ?? 0;
  const previous = rows.find((r) => r.windowStart.getTime() !== start.getTime())?.hits ?? 0;
  if (previous * previousWeight(now, start, windowMs) + current + 1 <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: secondsUntilRoom({ previous, current }, limit, now, start, windowMs) };
}

/** Counts one hit in `bucket`, whatever the limit (a failed sign-in). */
export async function recordHit(bucket: string, windowMs: number, now = new Date()): Promise<void> {
  const start = windowStartOf(now, windowMs);
  await db.$executeRaw`
    INSERT INTO "RateWindow" AS w ("bucket", "windowStart", "hits") VALUES (${bucket}, ${start}, 1)
    ON CONFLICT ("bucket", "windowStart") DO UPDATE SET "hits" = w."hits" + 1`;
}

/** Forgets a bucket's hits (a successful sign-in clears its account's failures). */
export async function clearHits(bucket: string): Promise<void> {
  await db.rateWindow.deleteMany({ where: { bucket } });
}

async function pruneOldWindows(now: Date): Promise<void> {
  await db.rateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - RETAIN_MS) } } });
}

function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** How much of the previous window still lies inside the sliding window ending now (1 → 0). */
function previousWeight(now: Date, start: Date, windowMs: number): number {
  return 1 - (now.getTime() - start.getTime()) / windowMs;
}

/**
 * Whole seconds until one more hit fits: first while the previous window's weight fades within
 * this window; failing that, in the next window, where this window's hits fade in turn.
 */
export function secondsUntilRoom({ previous, current }: { previous: number; current: number }, limit: number, now: Date, start: Date, windowMs: number): number {
  const elapsed = now.getTime() - start.getTime();
  const left = windowMs - elapsed;
  let waitMs: number;
  // previous * (1 - (elapsed + t) / windowMs) + current + 1 <= limit
  const inThisWindow = previous > 0 ? ((previous * (1 - elapsed / windowMs) + current + 1 - limit) / previous) * windowMs : Infinity;
  if (current + 1 <= limit && inThisWindow <= left) waitMs = inThisWindow;
  else {
    // current * (1 - t / windowMs) + 1 <= limit, t from the next window's start
    const inNext = current > 0 ? Math.max(0, ((current + 1 - limit) / current) * windowMs) : 0;
    waitMs = left + inNext;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}
