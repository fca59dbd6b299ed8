import "server-only";
import type { LedgerTx } from "./post";
import type { Owner, RollingPeriod } from "./types";

// Rolling expiry in the ledger (SPEC §8): which lots roll and how far is decided in lib/expiry;
// these two statements only write it. Rolling changes when points expire, never how many there
// are, so no movement is posted; the accounts are locked (in id order, as every writer does) so a
// sweep never sums an account's due lots while their dates move.

/** Marks a lot as awarded under a rolling condition, with the period a rolling event re-applies. */
export async function markRolling(tx: LedgerTx, lotId: number, period: RollingPeriod): Promise<void> {
  await tx.$queryRaw`UPDATE "PointsLot" SET "rollingValue" = ${period.value}, "rollingUnit" = ${period.unit} WHERE id = ${lotId} RETURNING id`;
}

/**
 * Moves the expiry of the owners' open rolling lots (in `programIds`, or in every program when
 * null) to `eventAt` plus each lot's own period, or `override` (Single Rolling Expiry) when given;
 * never earlier than it was. Returns how many lots moved.
 */
export async function rollLots(
  tx: LedgerTx,
  args: { orgId: number; owners: Owner[]; programIds: number[] | null; eventAt: Date; override: RollingPeriod | null },
): Promise<number> {
  if (args.owners.length === 0 || args.programIds?.length === 0) return 0;
  const types = args.owners.map((o) => o.type);
  const ids = args.owners.map((o) => o.id);
  const programs = args.programIds ?? null;
  const accounts = await tx.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "PointsAccount" a
     WHERE a."orgId" = ${args.orgId}
       AND (a."ownerType"::text, a."ownerId") IN (SELECT * FROM unnest(${types}::text[], ${ids}::int[]))
       AND (${programs}::int[] IS NULL OR a."programId" = ANY (${programs}::int[]))
     ORDER BY a.id FOR UPDATE`;
  if (accounts.length === 0) return 0;
  const at = args.eventAt.toISOString();
  const unit = args.override?.unit ?? null;
  const value = args.override?.value ?? null;
  const moved = await tx.$queryRaw<{ id: number }[]>`
    WITH target AS (
      SELECT l.id, (${at}::timestamptz AT TIME ZONE 'UTC') + CASE COALESCE(${unit}::text, l."rollingUnit")
               WHEN 'DAYS' THEN make_interval(days => COALESCE(${value}::int, l."rollingValue"))
               WHEN 'MONTHS' THEN make_interval(months => COALESCE(${value}::int, l."rollingValue"))
               ELSE make_interval(years => COALESCE(${value}::int, l."rollingValue")) END AS "expiresAt"
        FROM "PointsLot" l
       WHERE l."accountId" = ANY (${accounts.map((a) => a.id)}::int[]) AND l.remaining > 0 AND l."rollingValue" IS NOT NULL
    )
    UPDATE "PointsLot" l SET "expiresAt" = target."expiresAt"
      FROM target WHERE l.id = target.id AND l."expiresAt" < target."expiresAt"
    RETURNING l.id`;
  return moved.length;
}
