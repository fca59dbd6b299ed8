import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { tierChangeJson } from "@/lib/tiers/json";
import { manualSlabAdjustment } from "@/lib/tiers/manual-adjustment";
import { manualSlabBodySchema, manualSlabQuerySchema } from "@/lib/tiers/schema";

/**
 * POST /v2/slab/manualSlabAdjustment?source=&identifierName=&identifierValue=&type= (SPEC §4.1):
 * moves a customer's tier by name for a validity. `tierChanges` (ours) lists every change written,
 * including group members who follow the customer's tier when the program syncs them.
 */
export const POST = withApiClient({ scope: "tiers:write", query: manualSlabQuerySchema, body: manualSlabBodySchema }, async ({ caller, orgId, query, body }) => {
  const r = await manualSlabAdjustment({ orgId, actor: apiClientActor(caller), query, body });
  return {
    entity: { customerId: r.customerId, programId: r.programId, slabAction: r.slabAction, previousSlab: r.previousSlab, currentSlab: r.currentSlab, tierExpiryDate: r.tierExpiryDate, reassessTierOnNextActivity: r.reassessTierOnNextActivity },
    tierChanges: r.changes.map(tierChangeJson),
    warnings: [],
  };
});
