import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation } from "@/lib/api/openapi/operation";
import { configsQuerySchema, configsResponseSchema } from "./configs-api-schema";

export const orgPaths: ZodOpenApiPathsObject = {
  "/v2/orgSettings/configs": {
    get: apiOperation({
      tag: "Org settings",
      summary: "Read the org's configs",
      description:
        "Every org config (SPEC §0) with its effective value, its default and whether the value is the default. Any authenticated client of the org may read them.",
      query: configsQuerySchema,
      response: configsResponseSchema,
      errors: [{ status: 400, code: 400, message: "Invalid input : query keys: unknown config {key}." }],
    }),
  },
};
