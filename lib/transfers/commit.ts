import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rollOnEvent } from "@/lib/expiry/rolling";
import { isInsufficientPoints } from "@/lib/ledger/errors";
import { transfer } from "@/lib/ledger/transfer";
import { transferError } from "./errors";
import type { Party } from "./entities";
import { emitTransferEvents } from "./events";

// The write of every transfer: the ledger's TRANSFER movement and the PointsTransfer row that says
// who asked, in the caller's transaction (one per request, with its Idempotency-Key answer).

export type TransferPlan = {
  orgId: number;
  kind: "GROUP" | "CUSTOMER" | "MOVE_TO_GROUP";
  from: Party;
  to: Party;
  initiatorId: number | null;
  /** The program the movement is filed under and whose name the answer shows. */
  programId: number;
  programName: string;
  fromPrograms: number[];
  toProgramId: number;
  points: string;
  regularOnly: boolean;
  notes: string;
  actor: Actor;
  requestId: string;
};

export type CommittedTransfer = {
  id: number;
  movementId: number;
  createdAt: Date;
  breakup: { programId: number; deductedPoints: number; programCurrentPoints: number }[];
  leftBehind: number;
};

export async function commitTransfer(tx: Prisma.TransactionClient, plan: TransferPlan): Promise<CommittedTransfer> {
  const owner = (p: Party) => ({ type: p.kind, id: p.id });
  let moved;
  try {
    moved = await transfer(tx, {
      orgId: plan.orgId,
      programId: plan.programId,
      from: owner(plan.from),
      fromPrograms: plan.fromPrograms,
      to: owner(plan.to),
      toProgramId: plan.toProgramId,
      points: plan.points,
      regularOnly: plan.regularOnly,
      provenance: { actor: plan.actor, sourceType: "API_REQUEST", sourceRef: plan.requestId, notes: plan.notes },
    });
  } catch (error) {
    if (isInsufficientPoints(error)) throw insufficient(plan, error);
    throw error;
  }
  // A transfer is a rolling event of the customer who asked where the org's Single Rolling Expiry
  // names it (SPEC §8). After the transfer, whose function already holds the wallets it moved
  // between: rolling first would lock the asker's wallets ahead of the other party's, and two
  // customers sending each other points would deadlock.
  if (plan.initiatorId !== null) {
    await rollOnEvent(tx, { orgId: plan.orgId, customerId: plan.initiatorId, event: "PointsTransfer", eventAt: new Date(), programIds: plan.fromPrograms });
  }
  const leftBehind = plan.regularOnly ? await promotionalLeft(tx, plan) : 0;
  const row = await tx.pointsTransfer.create({
    data: {
      orgId: plan.orgId, movementId: moved.movementId, kind: plan.kind,
      fromType: plan.from.kind, fromId: plan.from.id, toType: plan.to.kind, toId: plan.to.id, toProgramId: plan.toProgramId,
      points: plan.points, leftBehind, initiatorId: plan.initiatorId, notes: plan.notes,
    },
    select: { id: true, createdAt: true },
  });
  const done: CommittedTransfer = {
    id: row.id,
    movementId: moved.movementId,
    createdAt: row.createdAt,
    breakup: moved.from.map((f) => ({ programId: f.programId, deductedPoints: Number(f.amount), programCurrentPoints: Number(f.balance) })),
    leftBehind,
  };
  await emitTransferEvents(tx, plan, done);
  return done;
}

/** The sender's promotional points in the wallets drawn from: what stays behind when a group receives. */
export async function promotionalLeft(client: Pick<Prisma.TransactionClient, "pointsLot">, plan: Pick<TransferPlan, "orgId" | "from" | "fromPrograms">): Promise<number> {
  const sum = await client.pointsLot.aggregate({
    where: { orgId: plan.orgId, kind: "PROMOTIONAL", remaining: { gt: 0 }, account: { ownerType: plan.from.kind, ownerId: plan.from.id, programId: { in: plan.fromPrograms } } },
    _sum: { remaining: true },
  });
  return Number(sum._sum.remaining ?? 0);
}

/** What the sender can move: its open lots in the wallets drawn from (regular ones only for a group recipient). */
export async function transferable(client: Pick<Prisma.TransactionClient, "pointsLot">, plan: Pick<TransferPlan, "orgId" | "from" | "fromPrograms" | "regularOnly">): Promise<number> {
  const sum = await client.pointsLot.aggregate({
    where: {
      orgId: plan.orgId, remaining: { gt: 0 }, ...(plan.regularOnly ? { kind: "REGULAR" as const } : {}),
      account: { ownerType: plan.from.kind, ownerId: plan.from.id, programId: { in: plan.fromPrograms } },
    },
    _sum: { remaining: true },
  });
  return Number(sum._sum.remaining ?? 0);
}

function insufficient(plan: TransferPlan, error: unknown) {
  const why = error instanceof Error ? error.message : "";
  const note = plan.regularOnly ? " Promotional points never move to a group wallet and do not count." : "";
  return transferError(818, { detail: `(${why})${note}` });
}
