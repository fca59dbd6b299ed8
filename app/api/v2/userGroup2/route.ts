import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { getGroupDetails } from "@/lib/groups/details";
import { createGroup, deleteGroup, updateGroup } from "@/lib/groups/groups";
import { createGroupSchema, deleteGroupQuery, getGroupQuery, updateGroupSchema } from "@/lib/groups/schema";

/** POST /v2/userGroup2: creates a group (SPEC §1.1) → `{entity: <group id>, warnings}`. */
export const POST = withApiClient({ scope: "groups:write", body: createGroupSchema }, async ({ orgId, caller, body }) => {
  const group = await createGroup({ orgId, actor: apiClientActor(caller), input: body });
  return { entity: group.id, warnings: [] };
});

/** PUT /v2/userGroup2: updates a group picked by `id` or `externalId` (SPEC §1.2, vendor §0.6). */
export const PUT = withApiClient({ scope: "groups:write", body: updateGroupSchema }, async ({ orgId, caller, body }) => {
  const group = await updateGroup({ orgId, actor: apiClientActor(caller), input: body });
  return {
    id: group.id,
    externalId: group.externalId,
    groupName: group.groupName,
    maxGroupSize: group.maxGroupSize,
    extendedFields: group.extendedFields,
    entityType: "USERGROUP2",
    promisedPointsScheduleList: [],
    triggerBasedPointsList: [],
    warnings: group.warnings,
  };
});

/** GET /v2/userGroup2?id=|externalId=|primaryUserId=: the group, its members and, on request, its wallet (SPEC §1.6). */
export const GET = withApiClient({ scope: "groups:read", query: getGroupQuery }, async ({ orgId, query }) => {
  const { id, externalId, primaryUserId, ...flags } = query;
  return getGroupDetails({ orgId, selector: { id, externalId, primaryUserId }, flags });
});

/** DELETE /v2/userGroup2?id=|externalId=: the group becomes DELETED, its members exit (vendor §E.3). */
export const DELETE = withApiClient({ scope: "groups:write", query: deleteGroupQuery }, async ({ orgId, caller, query }) => {
  await deleteGroup({ orgId, actor: apiClientActor(caller), selector: query });
  return { warnings: [] };
});
