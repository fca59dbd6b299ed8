import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitEvent, subscribedEvents } from "@/lib/webhooks/outbox";
import type { PointsSideEffect } from "./commit";

// The engine's webhooks (SPEC-vendor-api §F.1): transactionAdded for the bill and pointsIssued for
// each wallet credited, written to the outbox in the bill's own transaction (lib/webhooks).

export async function emitTransactionEvents(
  tx: Prisma.TransactionClient,
  e: { orgId: number; customerId: number; transactionId: number; billNumber: string; amount: number; requestId: string; sideEffects: PointsSideEffect[] },
): Promise<void> {
  const wanted = await subscribedEvents(tx, e.orgId);
  if (wanted.size === 0) return;
  const refId = `${e.orgId}_${e.transactionId}`;
  if (wanted.has("transactionAdded")) {
    await emitEvent(tx, {
      orgId: e.orgId, eventName: "transactionAdded", refId, requestId: e.requestId,
      data: { customerId: e.customerId, transactionId: e.transactionId, transactionNumber: e.billNumber, amount: e.amount, pointsAwarded: e.sideEffects.map((s) => ({ entityType: s.entityType, ownerId: s.ownerId, programId: s.programId, points: s.rawAwardedPoints })) },
    });
  }
  if (wanted.has("pointsIssued")) {
    for (const s of e.sideEffects) {
      await emitEvent(tx, {
        orgId: e.orgId, eventName: "pointsIssued", refId, requestId: e.requestId,
        data: { entityInformation: { entityId: s.ownerId, entityType: s.entityType === "USER" ? "CUSTOMER" : "USERGROUP2" }, loyaltyProgramId: s.programId, points: s.rawAwardedPoints, expiryDate: s.expiresOn, transactionId: e.transactionId, conditionName: s.conditionName },
      });
    }
  }
}
