import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, warningSchema } from "@/lib/api/openapi/operation";
import { programDetailSchema, programPathSchema, programSummarySchema } from "./api-schema";

export const programsPaths: ZodOpenApiPathsObject = {
  "/v2/programs": {
    get: apiOperation({
      tag: "Programs",
      summary: "List the org's programs",
      description: "The caller's org's programs, the default program first, each with its mapped entities.",
      scope: "programs:read",
      response: z.object({ data: z.array(programSummarySchema), warnings: z.array(warningSchema) }),
    }),
  },
  "/v2/programs/{id}": {
    get: apiOperation({
      tag: "Programs",
      summary: "Get one program",
      description: "One program of the caller's org with its entities, tiers and number of contributors. Another org's program is a 404 like an unknown one.",
      scope: "programs:read",
      params: programPathSchema,
      response: z.object({ data: programDetailSchema, warnings: z.array(warningSchema) }),
      errors: [{ status: 404, code: 404, message: "Program {id} not found" }],
    }),
  },
};
