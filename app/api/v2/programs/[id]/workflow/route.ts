import { withApiClient } from "@/lib/api/with-api-client";
import { AppError } from "@/lib/errors";
import { apiPrincipal, problemsResponse, versionJson } from "@/lib/workflows/api-json";
import { workflowGetQuery, workflowProgramParams, workflowPutQuery } from "@/lib/workflows/api-schema";
import { ExpressionProblemsError } from "@/lib/workflows/errors";
import { saveDraft } from "@/lib/workflows/save-draft";
import { workflowDocumentSchema } from "@/lib/workflows/schema";
import { getWorkflowVersion } from "@/lib/workflows/versions";

/** GET /v2/programs/{id}/workflow?version=live|draft|<number>: one version's document (workflows as code). */
export const GET = withApiClient({ scope: "workflows:read", params: workflowProgramParams, query: workflowGetQuery }, async ({ orgId, params, query }) => {
  const version = await getWorkflowVersion({ orgId, programId: params.id, version: query.version });
  if (!version) {
    const which = query.version === "live" ? "no LIVE workflow" : query.version === "draft" ? "no draft workflow" : `no workflow version ${query.version}`;
    throw new AppError("NOT_FOUND", `Program ${params.id} has ${which}`);
  }
  return { data: { programId: params.id, version: versionJson(version), document: version.document }, warnings: [] };
});

/** PUT /v2/programs/{id}/workflow: saves the body as the draft (Save and Continue). */
export const PUT = withApiClient(
  { scope: "workflows:write", params: workflowProgramParams, query: workflowPutQuery, body: workflowDocumentSchema },
  async ({ orgId, caller, params, query, body, requestId }) => {
    try {
      const draft = await saveDraft({ orgId, programId: params.id, principal: apiPrincipal(caller), document: body, baseRevision: query.baseRevision ?? null });
      return { data: { programId: params.id, version: versionJson(draft), document: draft.document }, warnings: [] };
    } catch (error) {
      if (error instanceof ExpressionProblemsError) return problemsResponse(error.problems, 400, requestId);
      throw error;
    }
  },
);
