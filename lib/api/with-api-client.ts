import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authenticateApiClient, type ApiCaller } from "@/lib/auth/api-client";
import type { ApiScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { apiError, errorBody, zodErrors, type ApiErrorItem } from "./envelope";

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
 * Response. Every response carries X-Request-Id.
 */
export function withApiClient<S extends Schemas>(
  spec: S & { scope?: ApiScope },
  handler: (ctx: ApiContext<S>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    try {
      const caller = await authenticateApiClient(request.headers.get("authorization"));
      if (!caller) {
        return respond(401, errorBody([apiError(401, "Invalid or missing API client credentials")]), requestId, {
          "WWW-Authenticate": 'Basic realm="loyalty", charset="UTF-8"',
        });
      }
      if (!caller.tillActive) {
        return respond(403, errorBody([apiError(403, `Till ${caller.tillCode} of this API client is deactivated`)]), requestId);
      }
      if (spec.scope && !caller.scopes.includes(spec.scope)) {
        return respond(403, errorBody([apiError(403, `This API client lacks the scope ${spec.scope}`)]), requestId);
      }

      const errors: ApiErrorItem[] = [];
      const params = parsePart(spec.params, await context.params, "path", errors);
      const query = parsePart(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query", errors);
      const body = spec.body ? parsePart(spec.body, await readJson(request, errors), "body", errors) : undefined;
      if (errors.length > 0) return respond(400, errorBody(errors), requestId);

      const result = await handler({
        caller,
        orgId: caller.orgId,
        requestId,
        request,
        query: query as Parsed<S, "query">,
        body: body as Parsed<S, "body">,
        params: params as Parsed<S, "params">,
      });
      if (result instanceof Response) {
        result.headers.set("X-Request-Id", requestId);
        return result;
      }
      return respond(200, result, requestId);
    } catch (error) {
      if (error instanceof AppError) {
        return respond(error.status, errorBody([apiError(error.code, error.message, error.field)]), requestId);
      }
      // Anything else is a bug: log it with the request id, never send the stack.
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} request ${requestId} failed`, error);
      return respond(500, errorBody([apiError(500, `Internal error; quote request id ${requestId} to support`)]), requestId);
    }
  };
}

export function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store", ...headers } });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: "path" | "query" | "body", errors: ApiErrorItem[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(...zodErrors(parsed.error, where));
  return undefined;
}

const NO_BODY = Symbol("no body");

async function readJson(request: Request, errors: ApiErrorItem[]): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    errors.push(apiError(400, "Invalid input : body is not valid JSON."));
    return NO_BODY;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}
