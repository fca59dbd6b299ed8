import "server-only";
import { answerResponse, idempotencyKeyOf, requestFingerprint, runIdempotent } from "@/lib/api/idempotency";
import type { ApiCaller } from "@/lib/auth/api-client";
import type { Actor } from "@/lib/auth/actor";
import type { AssociationDetails } from "@/lib/customers/association-schema";
import { warning } from "@/lib/customers/errors";
import type { CustomerWriteResult } from "@/lib/customers/register";
import type { AfterCustomerWrite, CustomerTx } from "@/lib/customers/save";
import { runCustomerWriteActivities, updatePrograms, type CustomerActivityOutcome } from "@/lib/engine/customer-activity";
import { associateCustomer } from "@/lib/groups/fleet-association";
import { tierChangeJson } from "@/lib/tiers/json";

export function apiActor(caller: ApiCaller): Actor {
  return { kind: "apiClient", id: caller.id, label: caller.name };
}

/**
 * The one place a customer write meets its fleet association (SPEC §3.2): POST and both PUTs pass
 * this as the write's `inSameTransaction`, so it runs in the same transaction, after the customer is
 * saved: a refused association (1625, 1627, 1618, …) rolls the customer write back too.
 * lib/groups owns the rules (it may import lib/customers; lib/customers never imports lib/groups).
 */
export function associate({
  orgId,
  actor,
  associationDetails,
}: {
  orgId: number;
  actor: Actor;
  associationDetails: AssociationDetails | undefined;
}): AfterCustomerWrite | undefined {
  if (!associationDetails) return undefined;
  return async (tx, saved) => {
    const outcome = await associateCustomer(tx, { orgId, actor, customerId: saved.customerId, details: associationDetails });
    return outcome.warnings.map((w) => warning(w.code, w.message));
  };
}

/**
 * A customer write through the API, in one transaction: the customer (and its fleet association),
 * then the customer activities' workflows (lib/engine/customer-activity.ts), whose points move in
 * the same transaction. With an Idempotency-Key the answer is stored with it: a retry replays
 * it and moves nothing; another request with the key is a 409.
 */
export async function customerWrite(
  ctx: { caller: ApiCaller; orgId: number; request: Request; body: unknown; requestId: string },
  update: boolean,
  write: (tx: CustomerTx) => Promise<CustomerWriteResult>,
): Promise<Response> {
  const { caller, orgId, request, requestId } = ctx;
  const updateProgramIds = update ? await updatePrograms(orgId, caller.tillCode) : null;
  const answer = await runIdempotent({ orgId, key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request, ctx.body) }, async (tx) => {
    const saved = await write(tx);
    const outcome = await runCustomerWriteActivities(tx, {
      orgId, actor: apiActor(caller), customerId: saved.customerId, enrolledProgramIds: saved.enrolledProgramIds, updateProgramIds,
      tillId: caller.tillId, requestId,
    });
    return { status: 200, body: writeAnswer(saved, outcome) };
  });
  return answerResponse(answer);
}

/** The vendor's write answer: `{createdId, warnings, sideEffects}` (SPEC-vendor-api §0.1); the points the workflows awarded are the side effects. */
export function writeAnswer(result: CustomerWriteResult, outcome: CustomerActivityOutcome = { sideEffects: [], warnings: [], tierChanges: [] }) {
  return {
    createdId: result.customerId,
    warnings: [...result.warnings, ...outcome.warnings],
    sideEffects: outcome.sideEffects as unknown[],
    ...(outcome.tierChanges.length > 0 ? { tierChanges: outcome.tierChanges.map(tierChangeJson) } : {}),
  };
}
