import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { deleteFleetHierarchy, updateFleetHierarchy } from "@/lib/groups/fleet-hierarchies";
import { fleetHierarchyIdParams, updateFleetHierarchySchema } from "@/lib/groups/fleet-schema";

/** PUT /v2/fleetHierarchy/{id} (SPEC §3.1, vendor §0.9): what is sent replaces what is stored → `{entity, warnings}`. */
export const PUT = withApiClient({ scope: "groups:write", params: fleetHierarchyIdParams, body: updateFleetHierarchySchema }, async ({ orgId, caller, params, body }) => {
  const { id, warnings } = await updateFleetHierarchy({ orgId, actor: apiClientActor(caller), id: params.id, input: body });
  return { entity: id, warnings };
});

/** DELETE /v2/fleetHierarchy/{id} (vendor §E.6): deactivates it → `{entity, warnings}`. */
export const DELETE = withApiClient({ scope: "groups:write", params: fleetHierarchyIdParams }, async ({ orgId, caller, params }) => {
  const { id } = await deleteFleetHierarchy({ orgId, actor: apiClientActor(caller), id: params.id });
  return { entity: id, warnings: [] };
});
