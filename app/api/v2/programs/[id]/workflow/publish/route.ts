import { respond, withApiClient } from "@/lib/api/with-api-client";
import { apiPrincipal, problemsResponse, requestJson, versionJson } from "@/lib/workflows/api-json";
import { publishBodySchema, workflowProgramParams } from "@/lib/workflows/api-schema";
import { ExpressionProblemsError } from "@/lib/workflows/errors";
import { publishWorkflow } from "@/lib/workflows/publish";

/**
 * POST /v2/programs/{id}/workflow/publish { note }: the draft becomes LIVE (200). With the org's
 * maker-checker on, it becomes a publish request for an admin instead (202). 409 when there is no
 * draft or another publish won; 422 when a condition no longer checks (a field was deactivated).
 */
export const POST = withApiClient({ scope: "workflows:write", params: workflowProgramParams, body: publishBodySchema }, async ({ orgId, caller, params, body, requestId }) => {
  try {
    const out = await publishWorkflow({ orgId, programId: params.id, principal: apiPrincipal(caller), note: body.note, revision: body.revision ?? null });
    if (out.kind === "requested") return respond(202, { data: { published: false, request: requestJson(out.request) }, warnings: [] }, requestId);
    return { data: { published: true, programId: params.id, version: versionJson(out.version) }, warnings: [] };
  } catch (error) {
    if (error instanceof ExpressionProblemsError) return problemsResponse(error.problems, 422, requestId);
    throw error;
  }
});
