import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, warningSchema } from "@/lib/api/openapi/operation";
import { publishBodySchema, publishRequestSchema, versionInfoSchema, workflowGetQuery, workflowProgramParams, workflowPutQuery } from "./api-schema";
import { workflowDocumentSchema } from "./schema";

// The workflow API in the OpenAPI document (workflows as code, issue 8).

const documentSchema = workflowDocumentSchema.meta({ id: "WorkflowDocument", description: "Activities → rulesets → ordered conditions, each with whenTrue / whenFalse actions (SPEC §5.1, §5.4)." });
const versionAnswer = z.object({ data: z.object({ programId: z.number().int(), version: versionInfoSchema, document: documentSchema }), warnings: z.array(warningSchema) });

const expressionError = "Invalid expression : {condition}: {checker message} (line {l}, column {c}); field = the expression's JSON path, with range {start, end}";

const publish = apiOperation({
  tag: "Workflows",
  summary: "Publish the draft",
  description:
    "Publish changes: the draft becomes the LIVE version with the note, the previous LIVE is retired and the program's contributors are notified. " +
    "With the org's maker-checker (WORKFLOW_MAKER_CHECKER) on, the publish becomes a request an admin approves in the console: 202 with the request.",
  scope: "workflows:write",
  params: workflowProgramParams,
  body: publishBodySchema,
  response: z.object({ data: z.object({ published: z.literal(true), programId: z.number().int(), version: versionInfoSchema }), warnings: z.array(warningSchema) }),
  errors: [
    { status: 404, code: 404, message: "Program {id} not found" },
    { status: 409, code: 409, message: "There is no draft to publish. Save changes first." },
    { status: 409, code: 409, message: "Another publish won: version {n} was just published by {who}. There is no draft left to publish." },
    { status: 409, code: 409, message: "The draft changed since you reviewed it. Reload and review it again before publishing." },
    { status: 409, code: 409, message: "A publish request for this program is already waiting for approval." },
    { status: 422, code: 422, message: `${expressionError} (a field the draft uses was deactivated)` },
  ],
});

export const workflowsPaths: ZodOpenApiPathsObject = {
  "/v2/programs/{id}/workflow": {
    get: apiOperation({
      tag: "Workflows",
      summary: "Get a workflow version's document",
      description: "The program's LIVE workflow (default), its draft, or any version by number, as the document the console edits.",
      scope: "workflows:read",
      params: workflowProgramParams,
      query: workflowGetQuery,
      response: versionAnswer,
      errors: [
        { status: 404, code: 404, message: "Program {id} not found" },
        { status: 404, code: 404, message: "Program {id} has no LIVE workflow" },
        { status: 404, code: 404, message: "Program {id} has no draft workflow" },
      ],
    }),
    put: apiOperation({
      tag: "Workflows",
      summary: "Save the draft",
      description:
        "Save and Continue: the body becomes the program's draft, only when every expression checks against the org's declared extended fields. " +
        "Conditions without an id keep the id of the same-named condition of the previous version.",
      scope: "workflows:write",
      params: workflowProgramParams,
      query: workflowPutQuery,
      body: documentSchema,
      response: versionAnswer,
      errors: [
        { status: 400, code: 400, message: expressionError },
        { status: 404, code: 404, message: "Program {id} not found" },
        { status: 409, code: 409, message: "The draft was saved by {who} since you opened it. Reload to see their changes before saving." },
      ],
    }),
  },
  "/v2/programs/{id}/workflow/publish": {
    post: {
      ...publish,
      responses: {
        ...publish.responses,
        "202": {
          description: "Maker-checker is on: a publish request was created for an admin to approve.",
          content: { "application/json": { schema: z.object({ data: z.object({ published: z.literal(false), request: publishRequestSchema }), warnings: z.array(warningSchema) }) } },
        },
      },
    },
  },
};
