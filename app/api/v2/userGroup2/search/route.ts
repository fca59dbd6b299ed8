import { withApiClient } from "@/lib/api/with-api-client";
import { searchGroups } from "@/lib/groups/queries";
import { searchGroupsQuery } from "@/lib/groups/schema";
import { assertGroupsEnabled } from "@/lib/groups/store";

/** GET /v2/userGroup2/search?q=&offset=&limit= (SPEC §1.7): by id, name, external id or a primary member's identifier. */
export const GET = withApiClient({ scope: "groups:read", query: searchGroupsQuery }, async ({ orgId, query }) => {
  await assertGroupsEnabled(orgId);
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const { total, data } = await searchGroups({ orgId, q: query.q, limit, offset });
  return { pagination: { limit, offset, total }, data, warnings: [] };
});
