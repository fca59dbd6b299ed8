import "server-only";
import type { ApiCaller } from "@/lib/auth/api-client";
import type { Actor } from "@/lib/auth/actor";
import type { AssociationDetails } from "@/lib/customers/association-schema";
import { warning } from "@/lib/customers/errors";
import type { CustomerWriteResult } from "@/lib/customers/register";
import type { AfterCustomerWrite } from "@/lib/customers/save";
import { associateCustomer } from "@/lib/groups/fleet-association";

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

/** The vendor's write answer: `{createdId, warnings, sideEffects}` (SPEC-vendor-api §0.1). */
export function writeAnswer(result: CustomerWriteResult) {
  return { createdId: result.customerId, warnings: result.warnings, sideEffects: [] as unknown[] };
}
