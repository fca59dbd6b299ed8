import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { entityInformation } from "@/lib/webhooks/entity";
import { emitEvent } from "@/lib/webhooks/outbox";
import type { RedemptionRequest, RedemptionResult } from "./redeem";

// The vendor's pointsRedeemed (SPEC-vendor-api §F.1), one per wallet drawn from, written to the
// outbox in the redemption's transaction. refId is the redemption id, as the vendor's is (§F.3).

export async function emitPointsRedeemed(tx: Prisma.TransactionClient, req: RedemptionRequest, r: RedemptionResult): Promise<void> {
  for (const line of r.breakdown) {
    await emitEvent(tx, {
      orgId: req.orgId, eventName: "pointsRedeemed", refId: `${req.orgId}_${r.redemptionId}`, requestId: req.requestId,
      data: {
        entityInformation: entityInformation({ type: line.ownerType, id: line.ownerId }),
        customerId: r.customerId, loyaltyProgramId: line.programId, points: line.points, redemptionId: r.redemptionId,
        redeemedValue: r.redeemedValue, transactionNumber: req.transactionNumber ?? null, externalReferenceNumber: req.externalReferenceNumber ?? null, notes: req.notes ?? "",
      },
    });
  }
}
