import { withApiClient } from "@/lib/api/with-api-client";
import { resolveCustomerId } from "@/lib/engine/points-queries";
import { lookupQuery } from "@/lib/engine/points-schema";
import { tierDetails } from "@/lib/tiers/queries";
import { tierDetailsQuerySchema } from "@/lib/tiers/schema";

const query = tierDetailsQuerySchema.extend(lookupQuery);

/** GET /v2/customers/lookup/tierDetails?identifierName=&identifierValue=&source= (SPEC-vendor-api §D.8). */
export const GET = withApiClient({ scope: "points:read", query }, async ({ orgId, query: q }) =>
  tierDetails({ orgId, customerId: await resolveCustomerId(orgId, q), entityType: q.entityType, programId: q.programId, allPrograms: q.fetchDataForAllPrograms ?? false }),
);
