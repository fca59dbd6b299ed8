import "server-only";
import { MAX_ID } from "@/lib/api/params";
import type { Actor } from "@/lib/auth/actor";
import { findCustomerByIdentifier } from "@/lib/customers/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reverse } from "@/lib/ledger/post";
import { getOrgConfig } from "@/lib/org/configs";
import { redemptionError } from "./errors";
import type { ReverseBody } from "./schema";

// POST /v2/points/reverse (SPEC-vendor-api §D.2): undoes a redemption once. Every movement that
// paid for it is reversed by the ledger (the points go back to the very lots they came from), under
// the redemption row's lock, so of two racing reversals one wins and the other gets 3802. Only
// where the org turned on Allow_points_redemption_reversal (905 otherwise).

export type ReversalResult = {
  redemptionId: string;
  pointsToBeReversed: number;
  orgId: number;
  identifier: { type: string; value: string };
  customerId: number;
  pointsReversed: number;
  reversalId: number;
  warnings: never[];
};

/** Reads who the identifier names (outside the transaction); the returned work reverses. */
export async function prepareReversal({ orgId, actor, body, requestId }: { orgId: number; actor: Actor; body: ReverseBody; requestId: string }) {
  if (!(await getOrgConfig(orgId, "Allow_points_redemption_reversal"))) {
    throw redemptionError(905, [], { field: "redemptionId", detail: "Turn on Allow_points_redemption_reversal (Settings → Configs) to reverse redemptions." });
  }
  const id = /^\d{1,10}$/.test(body.redemptionId) ? Number(body.redemptionId) : NaN;
  if (!(id >= 1 && id <= MAX_ID)) throw redemptionError(901, [], { field: "redemptionId" });
  const customer = await findCustomerByIdentifier({ orgId, identifierName: body.identifier.type, identifierValue: body.identifier.value, source: "ALL" });

  return async (tx: Prisma.TransactionClient): Promise<ReversalResult> => {
    const rows = await tx.$queryRaw<{ id: number; customerId: number; points: string; movementIds: number[]; reversedAt: Date | null }[]>`
      SELECT id, "customerId", points::text AS points, "movementIds", "reversedAt" FROM "PointsRedemption" WHERE id = ${id} AND "orgId" = ${orgId} FOR UPDATE`;
    const redemption = rows[0];
    if (!redemption) throw redemptionError(902, [], { field: "redemptionId" });
    if (!customer || customer.id !== redemption.customerId) throw redemptionError(904, [], { field: "identifier.value" });
    if (redemption.reversedAt) throw redemptionError(3802, [], { field: "redemptionId" });
    const points = Number(redemption.points);
    if (body.pointsToBeReversed !== undefined && body.pointsToBeReversed !== points) {
      throw redemptionError(810, [redemption.id, points], { field: "pointsToBeReversed" });
    }
    const provenance = { actor, sourceType: "REDEMPTION_REVERSAL", sourceRef: requestId, notes: `Reversal of redemption ${redemption.id}` };
    const reversalIds: number[] = [];
    for (const movementId of redemption.movementIds) {
      reversalIds.push((await reverse(tx, { orgId, movementId, provenance })).movementId);
    }
    await tx.pointsRedemption.update({ where: { id: redemption.id }, data: { reversedAt: new Date(), reversalIds } });
    return {
      redemptionId: String(redemption.id),
      pointsToBeReversed: body.pointsToBeReversed ?? points,
      orgId,
      identifier: body.identifier,
      customerId: redemption.customerId,
      pointsReversed: points,
      reversalId: reversalIds[0]!,
      warnings: [],
    };
  };
}
