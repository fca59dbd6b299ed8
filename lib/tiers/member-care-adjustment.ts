import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { runConsoleIdempotent } from "@/lib/api/console-idempotency";
import { findEventCustomer } from "@/lib/engine/load";
import { applyManualSlab } from "./manual-adjustment";
import type { MemberCareTierAdjustment } from "./member-care-schema";

// Member Care's tier adjustment (SPEC §7 agent actions): the same rule as the API's
// manualSlabAdjustment, whose writes it runs, for the customer whose page the agent is on.
// Idempotent on the form's key as the points adjustment is (lib/api/console-idempotency.ts): a
// second click of the same submit replays the first answer instead of renewing, extending or
// refusing ("already in Gold") a second time.

export type TierAdjustmentAnswer = { previousTier: string | null; currentTier: string; expiresAt: string | null };

export async function adjustCustomerTier({ orgId, actor, input, now }: { orgId: number; actor: Actor; input: MemberCareTierAdjustment; now?: Date }): Promise<TierAdjustmentAnswer & { replayed: boolean }> {
  const { idempotencyKey, ...values } = input;
  const { body, replayed } = await runConsoleIdempotent<TierAdjustmentAnswer>({ orgId, action: "tier.adjust", key: idempotencyKey, values }, async () => {
    const customer = await findEventCustomer(orgId, "id", String(input.customerId));
    return async (tx) => {
      const result = await applyManualSlab(tx, {
        orgId, actor, customerId: customer.id, now: now ?? new Date(),
        body: {
          programId: input.programId,
          slabAction: input.slabAction,
          ...(input.toSlabName ? { toSlabName: input.toSlabName } : {}),
          manualSlabActionValidity: input.manualSlabActionValidity,
          manualSlabActionValidityUpto: input.manualSlabActionValidityUpto,
          reassessTierOnNextActivity: false,
          slabChangeReason: input.reason,
        },
      });
      return { previousTier: result.previousSlab?.name ?? null, currentTier: result.currentSlab.name, expiresAt: result.tierExpiryDate };
    };
  });
  return { ...body, replayed };
}

/** Each program's tier names, lowest first: what the adjustment form offers. Programs without tiers are left out. */
export async function tierLaddersOf(orgId: number, programIds: readonly number[]): Promise<{ programId: number; tiers: { number: number; name: string }[] }[]> {
  const rows = await db.tier.findMany({
    where: { orgId, programId: { in: [...programIds] } },
    select: { programId: true, number: true, name: true },
    orderBy: [{ programId: "asc" }, { number: "asc" }],
  });
  return programIds.flatMap((programId) => {
    const tiers = rows.filter((r) => r.programId === programId).map(({ number, name }) => ({ number, name }));
    return tiers.length > 0 ? [{ programId, tiers }] : [];
  });
}
