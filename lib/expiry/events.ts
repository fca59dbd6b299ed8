import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Owner } from "@/lib/ledger/types";
import { entityInformation } from "@/lib/webhooks/entity";
import { emitEvent } from "@/lib/webhooks/outbox";

// The vendor's pointsExpired (SPEC-vendor-api §F.1): one per wallet and sweep, written to the
// outbox in the batch that posts the EXPIRE movement, so a rolled-back batch sends nothing.

export async function emitPointsExpired(
  tx: Prisma.TransactionClient,
  e: { orgId: number; programId: number; owner: Owner; points: string; lots: number; asOf: string; movementId: number },
): Promise<void> {
  await emitEvent(tx, {
    orgId: e.orgId, eventName: "pointsExpired", refId: `${e.orgId}_${e.movementId}`,
    data: { entityInformation: entityInformation(e.owner), loyaltyProgramId: e.programId, points: Number(e.points), lots: e.lots, expiredUpTo: e.asOf },
  });
}
