import "server-only";
import { z } from "zod";
import { authenticateApiClient, type ApiCaller } from "@/lib/auth/api-client";
import type { ApiScope } from "@/lib/auth/scopes";
import { toAppError } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { withOrgCacheVersion } from "@/lib/org/cache";
import { readJsonBody } from "./body";
import { attachRouteSchemas } from "./route-spec";
import { apiError, errorBody, zodErrors, type ApiErrorItem } from "./envelope";
import { SHARED_QUERY_CHECKS } from "./params";
import { rateLimitRefusal } from "./rate-limit";
import { requestIdOf, respond } from "./respond";

export { respond } from "./respond";

/**
 * Longest query string (after the `?`) the API reads: 8 KiB, the limit most proxies and servers
 * keep for a whole request line. A longer one is refused with 414 in the error envelope before
 * anything is parsed; every field the query carries has a far smaller maximum of its own.
 */
export const API_MAX_QUERY_BYTES = 8 * 1024;

const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

type Schemas = { query?: z.ZodType; body?: z.ZodType; params?: z.ZodType };
type Parsed<S extends Schemas, K extends keyof Schemas> = S[K] extends z.ZodType ? z.output<S[K]> : undefined;

export type ApiContext<S extends Schemas> = {
  caller: ApiCaller;
  orgId: number;
  requestId: string;
  request: Request;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
  params: Parsed<S, "params">;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * Wraps an external-API route handler (STYLE.md "Mutations"): authenticates the API client
 * (HTTP Basic), checks its scope, parses path, query and body with zod, and answers every failure
 * in the vendor's error envelope. A handler returns a plain value (sent as JSON 200) or a
 * Response. Every response carries X-Request-Id. What every route gets without asking: one
 * message per bad field, `limit`/`offset` checked as numbers, bodies over API_MAX_BODY_BYTES
 * refused with 413, query strings over API_MAX_QUERY_BYTES with 414, database conflicts as 409 (lib/db/errors.ts). Wrong methods (405) and
 * unknown paths (404) are answered by proxy.ts and app/api/v2/[[...path]].
 */
export function withApiClient<S extends Schemas>(
  spec: S & { scope?: ApiScope },
  handler: (ctx: ApiContext<S>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  // Built once per route, not per request (a zod object schema compiles on first use).
  const sharedChecks = sharedChecksFor(spec.query);
  return attachRouteSchemas(async (request: Request, context: RouteContext) => {
    const requestId = requestIdOf(request);
    try {
      const caller = await authenticateApiClient(request.headers.get("authorization"));
      if (!caller) {
        return respond(401, errorBody([apiError(401, "Invalid or missing API client credentials")]), requestId, {
          "WWW-Authenticate": 'Basic realm="loyalty", charset="UTF-8"',
        });
      }
      const limited = await rateLimitRefusal(caller, requestId);
      if (limited) return limited;
      if (!caller.tillActive) {
        return respond(403, errorBody([apiError(403, `Till ${caller.tillCode} of this API client is deactivated`)]), requestId);
      }
      if (spec.scope && !caller.scopes.includes(spec.scope)) {
        return respond(403, errorBody([apiError(403, `This API client lacks the scope ${spec.scope}`)]), requestId);
      }

      const url = new URL(request.url);
      if (Buffer.byteLength(url.search) - 1 > API_MAX_QUERY_BYTES) {
        return respond(414, errorBody([apiError(414, `Query string is longer than the limit of ${API_MAX_QUERY_BYTES / 1024} KiB.`)]), requestId);
      }

      const errors: ApiErrorItem[] = [];
      const params = parsePart(spec.params, await context.params, "path", errors);
      const rawQuery = Object.fromEntries(url.searchParams);
      parsePart(sharedChecks, rawQuery, "query", errors);
      const query = parsePart(spec.query, rawQuery, "query", errors);
      let body: unknown;
      if (spec.body) {
        const read = await readJsonBody(request, env().API_MAX_BODY_BYTES);
        if (!read.ok && read.status === 413) return respond(413, errorBody([read.error]), requestId);
        if (read.ok) body = parsePart(spec.body, read.value, "body", errors);
        else errors.push(read.error);
      }
      if (errors.length > 0) return respond(400, errorBody(errors), requestId);

      const result = await withOrgCacheVersion(caller.orgId, caller.orgCacheVersion, () => handler({
        caller,
        orgId: caller.orgId,
        requestId,
        request,
        query: query as Parsed<S, "query">,
        body: body as Parsed<S, "body">,
        params: params as Parsed<S, "params">,
      }));
      if (result instanceof Response) {
        result.headers.set("X-Request-Id", requestId);
        return result;
      }
      return respond(200, result, requestId);
    } catch (error) {
      const known = toAppError(error);
      if (known) {
        if (known.kind === "UNAVAILABLE") console.error(`[api] request ${requestId}: database unavailable`, error);
        // 503: nothing was saved and the caller may retry (with its Idempotency-Key) shortly.
        const retry = known.kind === "UNAVAILABLE" ? { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } : undefined;
        return respond(known.status, errorBody([apiError(known.code, known.message, known.field)]), requestId, retry);
      }
      // Anything else is a bug: log it with the request id, never send the stack.
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} request ${requestId} failed`, error);
      return respond(500, errorBody([apiError(500, `Internal error; quote request id ${requestId} to support`)]), requestId);
    }
  }, spec);
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: "path" | "query" | "body", errors: ApiErrorItem[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(...zodErrors(parsed.error, where));
  return undefined;
}

// The shared limit/offset checks, minus the keys the route's own query schema defines.
function sharedChecksFor(query: z.ZodType | undefined): z.ZodType {
  const own = new Set(query instanceof z.ZodObject ? Object.keys(query.shape as Record<string, unknown>) : []);
  return z.object(Object.fromEntries(Object.entries(SHARED_QUERY_CHECKS.shape).filter(([key]) => !own.has(key))));
}
