import { withApiClient } from "@/lib/api/with-api-client";
import { loyaltyDetails } from "@/lib/engine/points-queries";
import { customerIdParams, loyaltyDetailsQuery } from "@/lib/engine/points-schema";

/** GET /v2/customers/{id}/loyaltyDetails (SPEC-vendor-api §D.8): per program KPIs and points. */
export const GET = withApiClient({ scope: "points:read", params: customerIdParams, query: loyaltyDetailsQuery }, ({ orgId, params, query }) =>
  loyaltyDetails({ orgId, customerId: params.id, ...(query.programId !== undefined ? { programId: query.programId } : {}) }),
);
