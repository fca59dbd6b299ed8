import { withApiClient } from "@/lib/api/with-api-client";
import { ledgerInfo, resolveCustomerId } from "@/lib/engine/points-queries";
import { ledgerInfoQuery } from "@/lib/engine/points-schema";

/** GET /v2/pointsLedger/getCustomerLedgerInfo (SPEC-vendor-api §D.7): ledger entries in a window, a page of at most 10. */
export const GET = withApiClient({ scope: "points:read", query: ledgerInfoQuery }, async ({ orgId, query }) =>
  ledgerInfo({
    orgId, customerId: await resolveCustomerId(orgId, query), entityType: query.entityType, limit: query.limit, offset: query.offset,
    ...(query.programId !== undefined ? { programId: query.programId } : {}),
    ...(query.startDate ? { startDate: query.startDate } : {}),
    ...(query.endDate ? { endDate: query.endDate } : {}),
  }),
);
