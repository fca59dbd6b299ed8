import { withApiClient } from "@/lib/api/with-api-client";
import { customerPoints } from "@/lib/engine/points-queries";
import { customerIdParams } from "@/lib/engine/points-schema";

/** GET /v2/customers/{id}/points (ours): wallets per program (current, lifetime, promotional, expiry by date); the default group's apart. */
export const GET = withApiClient({ scope: "points:read", params: customerIdParams }, ({ orgId, params }) => customerPoints({ orgId, customerId: params.id }));
