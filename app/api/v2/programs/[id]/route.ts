import { withApiClient } from "@/lib/api/with-api-client";
import { AppError } from "@/lib/errors";
import { programPathSchema as params } from "@/lib/programs/api-schema";
import { getProgram } from "@/lib/programs/queries";
import { programJson } from "../program-json";

/**
 * GET /v2/programs/{id}: one program of the caller's org with its entities, tiers and number of
 * contributors. Another org's program is a 404 like an unknown one.
 */
export const GET = withApiClient({ scope: "programs:read", params }, async ({ orgId, params: { id } }) => {
  const program = await getProgram({ orgId, programId: id });
  if (!program) throw new AppError("NOT_FOUND", `Program ${id} not found`);
  return {
    data: {
      ...programJson(program),
      tiers: program.tiers.map((t) => ({ number: t.number, name: t.name, threshold: Number(t.threshold) })),
      contributorsCount: program.contributors.length,
    },
    warnings: [],
  };
});
