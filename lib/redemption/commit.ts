import "server-only";
import { sqlRowsOn } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mapLedgerError } from "@/lib/ledger/errors";
import { debitPayload } from "@/lib/ledger/post";
import type { Provenance } from "@/lib/ledger/types";
import type { Draw } from "./sources";

// A redemption's writes as one database call, redemption_commit (migration
// 20261201193006_redemption_commit): the debits through ledger_post in the order given, the
// PointsRedemption row, and the lots taken. One round trip where there were five, so the wallet's
// row lock is held for one statement; the debits still refuse an overdraft (818) under that lock.

export type Written = {
  redemptionId: number;
  posted: { movementId: number; balance: number }[];
  lots: { movementId: number; lotId: number; points: number; expiresAt: string | null }[];
};

type Raw = { redemptionId: number; posted: { movementId: number; balance: number | string }[]; lots: { movementId: number; lotId: number; points: number | string; expiresAt: string | null }[] };

const REDEMPTION_COMMIT = "SELECT redemption_commit($1::jsonb) AS r";

export async function writeRedemption(
  tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">,
  r: {
    orgId: number; customerId: number; programId: number; groupId: number | null; points: number;
    transactionNumber: string | null; externalReferenceNumber: string | null; notes: string;
    /** In lock order (inLockOrder). */
    draws: readonly Draw[];
    provenance: Provenance;
  },
): Promise<Written> {
  const payload = {
    orgId: r.orgId, customerId: r.customerId, programId: r.programId, groupId: r.groupId, points: r.points,
    transactionNumber: r.transactionNumber, externalReferenceNumber: r.externalReferenceNumber, notes: r.notes,
    debits: r.draws.map((d) => debitPayload({ orgId: r.orgId, programId: d.programId, owner: d.owner, points: d.points, kind: "REDEEM", provenance: r.provenance })),
  };
  try {
    const rows = await sqlRowsOn<{ r: Raw }>(tx, REDEMPTION_COMMIT, [JSON.stringify(payload)]);
    const raw = rows[0]!.r;
    return {
      redemptionId: raw.redemptionId,
      posted: raw.posted.map((p) => ({ movementId: p.movementId, balance: Number(p.balance) })),
      lots: raw.lots.map((l) => ({ movementId: l.movementId, lotId: l.lotId, points: Number(l.points), expiresAt: l.expiresAt })),
    };
  } catch (error) {
    throw mapLedgerError(error);
  }
}
