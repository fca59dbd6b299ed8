import { withApiClient } from "@/lib/api/with-api-client";
import { listPrograms } from "@/lib/programs/queries";
import { programJson } from "./program-json";

/** GET /v2/programs: the caller's org's programs, the default program first, with their entities. */
export const GET = withApiClient({ scope: "programs:read" }, async ({ orgId }) => {
  const programs = await listPrograms({ orgId });
  return { data: programs.map(programJson), warnings: [] };
});
