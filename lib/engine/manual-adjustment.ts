import "server-only";
import { runConsoleIdempotent } from "@/lib/api/console-idempotency";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adjust } from "@/lib/ledger/post";
import { recordAudit } from "@/lib/org/audit";
import { entityInformation } from "@/lib/webhooks/entity";
import { emitEvent } from "@/lib/webhooks/outbox";

// A member-care agent's manual points adjustment (SPEC §7 agent actions): an ADJUST movement on
// the customer's wallet in one program, against the program's ADJUSTMENT account, with the
// agent and the reason as its provenance and an audit entry in the same transaction. Idempotent
// on the form's key, with the API's semantics (lib/api/idempotency.ts): the same submit twice
// adjusts once and answers the same; the same key with other values is a conflict.

export type ManualAdjustment = { customerId: number; programId: number; points: number; reason: string; idempotencyKey: string };
export type AdjustmentResult = { movementId: number; balance: string; replayed: boolean };

export async function adjustCustomerPoints({ orgId, actor, input }: { orgId: number; actor: Actor; input: ManualAdjustment }): Promise<AdjustmentResult> {
  const { customerId, programId, points, reason } = input;
  const enrolment = await db.programEnrollment.findFirst({
    where: { orgId, customerId, programId, customer: { orgId }, program: { orgId } },
    select: { programId: true },
  });
  if (!enrolment) {
    const customer = await db.customer.findFirst({ where: { orgId, id: customerId }, select: { id: true } });
    if (!customer) throw new AppError("NOT_FOUND", "No such customer in this org.");
    throw new AppError("INVALID", "The customer is not enrolled in this program.", { field: "programId" });
  }
  const answer = await runConsoleIdempotent(
    { orgId, action: "points.adjust", key: input.idempotencyKey, values: { customerId, programId, points, reason } },
    async () => async (tx) => {
      const posted = await adjust(tx, {
        orgId, programId, owner: { type: "CUSTOMER", id: customerId }, points,
        provenance: { actor, sourceType: "CONSOLE", sourceRef: `points.adjust:${input.idempotencyKey}`, notes: reason },
      });
      await recordAudit(tx, {
        orgId, actor, action: "points.adjust", entityType: "Customer", entityId: customerId,
        after: { programId, points, reason, movementId: posted.movementId, balance: posted.balance },
      });
      // Ours (issue 12): a member-care adjustment for integrators that mirror balances.
      await emitEvent(tx, {
        orgId, eventName: "manualPointsAdjustment", refId: `${orgId}_${posted.movementId}`,
        data: { entityInformation: entityInformation({ type: "CUSTOMER", id: customerId }), loyaltyProgramId: programId, points, balance: Number(posted.balance), reason, adjustedBy: actor.label, movementId: posted.movementId },
      });
      return { movementId: posted.movementId, balance: posted.balance };
    },
  );
  return { ...answer.body, replayed: answer.replayed };
}
