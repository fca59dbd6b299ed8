import { withApiClient } from "@/lib/api/with-api-client";
import { fleetHierarchyJson, listFleetHierarchies } from "@/lib/groups/fleet-hierarchies";

/** GET /v2/fleetHierarchy/all (vendor §E.6): the org's active hierarchies → `{entity: [...], warnings}`. */
export const GET = withApiClient({ scope: "groups:read" }, async ({ orgId }) => {
  const rows = await listFleetHierarchies({ orgId, activeOnly: true });
  return { entity: rows.map(fleetHierarchyJson), warnings: [] };
});
