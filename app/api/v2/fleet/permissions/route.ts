import { withApiClient } from "@/lib/api/with-api-client";
import { FLEET_PERMISSIONS } from "@/lib/groups/fleet-permissions";

/** GET /v2/fleet/permissions (vendor §E.6): the member permissions a join or a fleet role may grant. */
export const GET = withApiClient({ scope: "groups:read" }, async () => ({ data: FLEET_PERMISSIONS }));
