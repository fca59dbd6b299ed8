import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { createFleetHierarchy, fleetHierarchyJson, getFleetHierarchy } from "@/lib/groups/fleet-hierarchies";
import { createFleetHierarchySchema, fleetHierarchyQuery } from "@/lib/groups/fleet-schema";

/** POST /v2/fleetHierarchy (SPEC §3.1): either spelling of the flags; 2–8 roles in one chain → `{entity, warnings}`. */
export const POST = withApiClient({ scope: "groups:write", body: createFleetHierarchySchema }, async ({ orgId, caller, body }) => {
  const { id, warnings } = await createFleetHierarchy({ orgId, actor: apiClientActor(caller), input: body });
  return { entity: id, warnings };
});

/** GET /v2/fleetHierarchy?id=|code=: one active hierarchy with its roles → `{entity, warnings}`. */
export const GET = withApiClient({ scope: "groups:read", query: fleetHierarchyQuery }, async ({ orgId, query }) => {
  const hierarchy = await getFleetHierarchy({ orgId, id: query.id, code: query.code });
  return { entity: fleetHierarchyJson(hierarchy), warnings: [] };
});
