import { apiClientActor } from "@/lib/auth/actor";
import { withApiClient } from "@/lib/api/with-api-client";
import { transferMembers } from "@/lib/groups/leave";
import { transferBodySchema } from "@/lib/groups/schema";

/** POST /v2/userGroup2/transfer (SPEC §1.5): moves secondary members between groups, all or nothing. */
export const POST = withApiClient({ scope: "groups:write", body: transferBodySchema }, async ({ orgId, caller, body }) => {
  await transferMembers({ orgId, actor: apiClientActor(caller), input: body });
  return { warnings: [], errors: [], success: true };
});
