import "server-only";
import { cache } from "react";
import { getGroupOverview } from "@/lib/groups/member-care";
import { routeId } from "../../route-id";

// The layout (which decides 404 before anything streams) and the page both need the group;
// cache() reads it once per request.
export const loadGroup = cache(async (orgId: number, raw: string) => {
  const id = routeId(raw);
  return id === null ? null : getGroupOverview({ orgId, groupId: id });
});
