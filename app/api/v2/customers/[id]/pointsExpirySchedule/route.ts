import { withApiClient } from "@/lib/api/with-api-client";
import { pointsExpirySchedule } from "@/lib/engine/points-queries";
import { customerIdParams, expiryScheduleQuery } from "@/lib/engine/points-schema";

/** GET /v2/customers/{id}/pointsExpirySchedule (SPEC-vendor-api §D.8). */
export const GET = withApiClient({ scope: "points:read", params: customerIdParams, query: expiryScheduleQuery }, ({ orgId, params, query }) =>
  pointsExpirySchedule({
    orgId, customerId: params.id, allPrograms: query.fetchDataForAllPrograms ?? false, earliestOnly: query.fetchEarliestExpiryOnly ?? false,
    ...(query.programId !== undefined ? { programId: query.programId } : {}),
    ...(query.startDate ? { startDate: query.startDate } : {}),
    ...(query.endDate ? { endDate: query.endDate } : {}),
  }),
);
