import { withApiClient } from "@/lib/api/with-api-client";
import { ledgerBalance, resolveCustomerId } from "@/lib/engine/points-queries";
import { ledgerBalanceQuery } from "@/lib/engine/points-schema";

/** GET /v2/pointsLedger/getCustomerLedgerBalance (SPEC-vendor-api §D.7): closing balance per program. */
export const GET = withApiClient({ scope: "points:read", query: ledgerBalanceQuery }, async ({ orgId, query }) =>
  ledgerBalance({ orgId, customerId: await resolveCustomerId(orgId, query), entityType: query.entityType, ...(query.endDate ? { endDate: query.endDate } : {}) }),
);
