import { withApiClient } from "@/lib/api/with-api-client";
import { pointsBalance, resolveCustomerId } from "@/lib/engine/points-queries";
import { balanceQuery } from "@/lib/engine/points-schema";

/** GET /v2/customers/points/balance (SPEC-vendor-api §D.8); entityType=FLEET gives the member's default group. */
export const GET = withApiClient({ scope: "points:read", query: balanceQuery }, async ({ orgId, query }) =>
  pointsBalance({
    orgId, customerId: await resolveCustomerId(orgId, query), entityType: query.entityType, allPrograms: query.fetchDataForAllPrograms ?? false,
    ...(query.programId !== undefined ? { programId: query.programId } : {}),
  }),
);
