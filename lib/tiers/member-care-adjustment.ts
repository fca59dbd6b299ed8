import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { manualSlabAdjustment, type ManualSlabResult } from "./manual-adjustment";
import type { MemberCareTierAdjustment } from "./member-care-schema";

// Member Care's tier adjustment (SPEC §7 agent actions): the same rule as the API's
// manualSlabAdjustment, which it calls, for the customer whose page the agent is on.

export async function adjustCustomerTier({ orgId, actor, input }: { orgId: number; actor: Actor; input: MemberCareTierAdjustment }): Promise<ManualSlabResult> {
  return manualSlabAdjustment({
    orgId,
    actor,
    query: { source: "ALL", identifierName: "id", identifierValue: String(input.customerId), type: "CUSTOMER" },
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
