import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { entityInformation } from "@/lib/webhooks/entity";
import { emitEvent } from "@/lib/webhooks/outbox";
import type { Party } from "./entities";
import type { CommittedTransfer, TransferPlan } from "./commit";

// The vendor's pointsTransferredInitiated (the sender's side) and pointsTransferredReceived (the
// receiver's), SPEC-vendor-api §F.1, written to the outbox in the transfer's transaction. Both
// carry the transfer id, so a receiver pairs them.

const party = (p: Party) => entityInformation({ type: p.kind, id: p.id });

export async function emitTransferEvents(tx: Prisma.TransactionClient, plan: TransferPlan, done: CommittedTransfer): Promise<void> {
  const common = {
    transferId: done.id, transferType: plan.kind, points: Number(plan.points), loyaltyProgramId: plan.programId, toLoyaltyProgramId: plan.toProgramId,
    from: party(plan.from), to: party(plan.to), notes: plan.notes,
  };
  const refId = `${plan.orgId}_${done.id}`;
  await emitEvent(tx, { orgId: plan.orgId, eventName: "pointsTransferredInitiated", refId, requestId: plan.requestId, data: { entityInformation: party(plan.from), ...common, breakup: done.breakup } });
  await emitEvent(tx, { orgId: plan.orgId, eventName: "pointsTransferredReceived", refId, requestId: plan.requestId, data: { entityInformation: party(plan.to), ...common } });
}
