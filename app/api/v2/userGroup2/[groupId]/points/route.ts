import { withApiClient } from "@/lib/api/with-api-client";
import { groupPoints } from "@/lib/engine/points-queries";
import { groupIdParams } from "@/lib/engine/points-schema";

/** GET /v2/userGroup2/{groupId}/points (ours): the group's wallets per program. */
export const GET = withApiClient({ scope: "points:read", params: groupIdParams }, ({ orgId, params }) => groupPoints({ orgId, groupId: params.groupId }));
