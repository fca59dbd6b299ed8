import { withApiClient } from "@/lib/api/with-api-client";
import { customerTransfers } from "@/lib/transfers/history";
import { customerTransfersParams, customerTransfersQuery } from "@/lib/transfers/history-schema";

/** GET /v2/customers/{id}/pointsTransfers (SPEC-vendor-api §D.6): the customer's transfers, DEDUCTION and ADDITION rows, paginated. */
export const GET = withApiClient({ scope: "points:read", params: customerTransfersParams, query: customerTransfersQuery }, ({ orgId, params, query }) =>
  customerTransfers({ orgId, customerId: params.id, limit: query.limit, offset: query.offset }),
);
