import { apiClientActor } from "@/lib/auth/actor";
import { respond, withApiClient } from "@/lib/api/with-api-client";
import { joinGroup } from "@/lib/groups/join";
import { groupSelectorQuery, joinBodySchema } from "@/lib/groups/schema";

/**
 * POST /v2/userGroup2/join?id=|externalId=|primaryUserId= (SPEC §1.3): each member is admitted or
 * refused on its own → `{response:[{entityId, result, errors, warnings}], totalCount,
 * failureCount}`. When every member failed the answer is a 4xx (the members' status when they
 * agree, else 400) with their errors also in the top-level `errors`.
 */
export const POST = withApiClient({ scope: "groups:write", query: groupSelectorQuery, body: joinBodySchema }, async ({ orgId, caller, query, body, requestId }) => {
  const outcome = await joinGroup({ orgId, actor: apiClientActor(caller), selector: query, members: body });
  const payload = { response: outcome.response, totalCount: outcome.totalCount, failureCount: outcome.failureCount };
  if (outcome.failureCount < outcome.totalCount) return payload;
  const errors = outcome.response.flatMap((r) => r.errors);
  const statuses = new Set(errors.map((e) => statusOf(e.code)));
  const status = statuses.size === 1 ? [...statuses][0] ?? 400 : 400;
  return respond(status, { ...payload, warnings: [], errors }, requestId);
});

// 1621 (no such customer) is a 404; capacity, duplicates and primaries are conflicts; bad input 400.
function statusOf(code: number): number {
  if (code === 1621) return 404;
  if ([1623, 1636, 1637, 1638, 1642, 1691].includes(code)) return 409;
  return code === 1641 ? 422 : 400;
}
