import { createDocument } from "zod-openapi";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { customersPaths } from "@/lib/customers/openapi";
import { enginePaths, pointsPaths } from "@/lib/engine/openapi";
import { groupsPaths } from "@/lib/groups/openapi";
import { orgPaths } from "@/lib/org/openapi";
import { otpPaths } from "@/lib/otp/openapi";
import { programsPaths } from "@/lib/programs/openapi";
import { redemptionPaths } from "@/lib/redemption/openapi";
import { tiersPaths } from "@/lib/tiers/openapi";
import { transfersPaths } from "@/lib/transfers/openapi";
import { webhooksPaths } from "@/lib/webhooks/openapi";
import { workflowsPaths } from "@/lib/workflows/openapi";

// The OpenAPI 3.1 document of the /v2 API, served at /api/docs. Each domain describes its own
// routes in lib/<domain>/openapi.ts (with apiOperation, from the zod schemas its handlers parse
// with) and is listed here, one line each. A test checks that every app/api/v2/**/route.ts method
// is described.
const PATH_SETS: readonly ZodOpenApiPathsObject[] = [
  programsPaths,
  orgPaths,
  groupsPaths,
  workflowsPaths,
  customersPaths,
  enginePaths,
  pointsPaths,
  redemptionPaths,
  tiersPaths,
  transfersPaths,
  otpPaths,
  webhooksPaths,
];

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Loyalty Console API",
      version: "2.0.0",
      description:
        "The external API of the Loyalty Console, shaped like Capillary's v2 API. Authenticate with HTTP Basic (API client id and secret). " +
        "Every path is also served under /api (e.g. /api/v2/programs). Errors come in the vendor's envelope `{ warnings, errors: [{ status: false, code, message }] }`.",
    },
    servers: [{ url: "/", description: "This server" }],
    components: { securitySchemes: { basicAuth: { type: "http", scheme: "basic", description: "API client id and secret." } } },
    security: [{ basicAuth: [] }],
    paths: mergePaths(PATH_SETS),
  });
  return cached;
}

function mergePaths(sets: readonly ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const set of sets) {
    for (const [path, item] of Object.entries(set)) {
      // Two domains may describe different methods of one path; the same method twice is a mistake.
      const existing = merged[path];
      if (existing) {
        for (const method of Object.keys(item)) {
          if (method in existing) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
        }
      }
      merged[path] = { ...existing, ...item };
    }
  }
  return merged;
}
