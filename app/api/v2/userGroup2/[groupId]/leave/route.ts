import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { leaveGroup } from "@/lib/groups/leave";
import { leaveParams, leaveQuery } from "@/lib/groups/schema";

/** DELETE /v2/userGroup2/{groupId}/leave?source=&identifierName=&identifierValue= (SPEC §1.4). */
export const DELETE = withApiClient({ scope: "groups:write", params: leaveParams, query: leaveQuery }, async ({ orgId, caller, params, query }) => {
  await leaveGroup({ orgId, actor: apiClientActor(caller), groupId: params.groupId, identifier: { name: query.identifierName, value: query.identifierValue } });
  return { warnings: [], errors: [], success: true };
});
