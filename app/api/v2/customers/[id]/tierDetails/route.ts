import { withApiClient } from "@/lib/api/with-api-client";
import { customerOf } from "@/lib/engine/points-queries";
import { customerIdParams } from "@/lib/engine/points-schema";
import { tierDetails } from "@/lib/tiers/queries";
import { tierDetailsQuerySchema } from "@/lib/tiers/schema";

/** GET /v2/customers/{id}/tierDetails (SPEC-vendor-api §D.8): the tier per program; FLEET: the default group's. */
export const GET = withApiClient({ scope: "points:read", params: customerIdParams, query: tierDetailsQuerySchema }, async ({ orgId, params, query }) => {
  await customerOf(orgId, params.id);
  return tierDetails({ orgId, customerId: params.id, entityType: query.entityType, programId: query.programId, allPrograms: query.fetchDataForAllPrograms ?? false });
});
