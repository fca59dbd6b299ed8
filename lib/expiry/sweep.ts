import "server-only";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { debit } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { emitPointsExpired } from "./events";

// The expiry sweep (issue 11): every lot whose expiry has passed loses what is left of it. Per
// account and run one EXPIRE movement takes the sum of its due lots; because debits draw
// first-expiring lots first, that movement consumes exactly the due lots (DESIGN §3).
//
// Safe with several sweeps at once and after a crash: accounts are taken in batches with
// FOR UPDATE SKIP LOCKED (another sweep's accounts are skipped, not waited for), and what is due
// is summed again after the lock, so an account another sweep has just expired yields nothing.
// Each batch commits on its own: a sweep killed mid-way loses only its open batch, which rolls
// back, and the next run finds exactly what is still due. Nothing is ever expired twice, since an
// expired lot has nothing left.

export type SweepOptions = {
  /** Lots due at or before this instant expire (default: now). */
  asOf?: Date;
  orgId?: number;
  /** Accounts per transaction. */
  batchSize?: number;
  /** Names the run in each movement's provenance (the job id, or "manual"). */
  runRef?: string;
  client?: Pick<PrismaClient, "$transaction">;
  /** Test hook: runs after each account's movement, inside its batch's transaction. */
  afterAccount?: (account: { accountId: number; movementId: number }) => void | Promise<void>;
};

export type SweepResult = { accounts: number; lots: number; points: number; movementIds: number[] };

type DueAccount = { id: number; orgId: number; programId: number; ownerType: Owner["type"]; ownerId: number };

export async function sweepExpiredPoints(options: SweepOptions = {}): Promise<SweepResult> {
  const asOf = (options.asOf ?? new Date()).toISOString();
  const client = options.client ?? db;
  const result: SweepResult = { accounts: 0, lots: 0, points: 0, movementIds: [] };
  for (;;) {
    const locked = await client.$transaction(async (tx) => {
      const accounts = await tx.$queryRawUnsafe<DueAccount[]>(
        `SELECT a.id, a."orgId", a."programId", a."ownerType"::text AS "ownerType", a."ownerId"
           FROM "PointsAccount" a
          WHERE a.id IN (SELECT l."accountId" FROM "PointsLot" l
                          WHERE l.remaining > 0 AND l."expiresAt" IS NOT NULL AND l."expiresAt" <= ($1::timestamptz AT TIME ZONE 'UTC')
                            AND ($2::int IS NULL OR l."orgId" = $2::int))
          ORDER BY a.id
          LIMIT $3
          FOR UPDATE OF a SKIP LOCKED`,
        asOf,
        options.orgId ?? null,
        options.batchSize ?? 50,
      );
      for (const a of accounts) {
        // A fresh statement sees what committed since the batch was chosen (READ COMMITTED).
        const [due] = await tx.$queryRawUnsafe<{ points: string; lots: number }[]>(
          `SELECT COALESCE(SUM(remaining), 0)::text AS points, COUNT(*)::int AS lots FROM "PointsLot"
            WHERE "accountId" = $1 AND remaining > 0 AND "expiresAt" <= ($2::timestamptz AT TIME ZONE 'UTC')`,
          a.id,
          asOf,
        );
        if (!due || Number(due.points) === 0) continue;
        const posted = await debit(tx, {
          kind: "EXPIRE",
          orgId: a.orgId,
          programId: a.programId,
          owner: { type: a.ownerType, id: a.ownerId },
          points: due.points,
          provenance: {
            actor: SYSTEM_ACTOR,
            sourceType: "EXPIRY",
            sourceRef: options.runRef ?? "manual",
            notes: `${due.lots} lot(s) due by ${asOf.slice(0, 10)}`,
          },
        });
        await emitPointsExpired(tx, { orgId: a.orgId, programId: a.programId, owner: { type: a.ownerType, id: a.ownerId }, points: due.points, lots: due.lots, asOf, movementId: posted.movementId });
        await options.afterAccount?.({ accountId: a.id, movementId: posted.movementId });
        result.accounts += 1;
        result.lots += due.lots;
        result.points += Number(due.points);
        result.movementIds.push(posted.movementId);
      }
      return accounts.length;
    });
    if (locked === 0) return result;
  }
}
