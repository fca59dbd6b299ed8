import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import type { ApiScope } from "@/lib/auth/scopes";

// Builds one operation of the OpenAPI document from the zod schemas its handler parses with, so
// the document cannot drift from what the API accepts. Each domain describes its routes in its
// own `lib/<domain>/openapi.ts` with this helper; lib/api/openapi/document.ts collects them.

/** An error a route can answer, as the vendor's envelope carries it (`errors[].code`). */
export type DocumentedError = { status: 400 | 403 | 404 | 405 | 409 | 415 | 422; code: number; message: string };

type ObjectSchema = z.ZodObject;

export type OperationSpec = {
  summary: string;
  description?: string;
  tag: string;
  /** The scope withApiClient checks; absent for routes any client of the org may call. */
  scope?: ApiScope;
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: z.ZodType;
  /** The 200 answer's shape. */
  response: z.ZodType;
  responseDescription?: string;
  /** The domain errors of this route; 400 (bad input), 401, 403 (scope) and 500 are added here. */
  errors?: readonly DocumentedError[];
};

const errorItem = z.object({
  status: z.literal(false),
  code: z.number().int().meta({ description: "The vendor's error code (HTTP-like for generic errors, e.g. 8015 for a customer not found)." }),
  message: z.string(),
  field: z.string().optional().meta({ description: "The input field the error belongs to, when there is one." }),
});

/** The vendor's error envelope: `{ warnings: [], errors: [{ status: false, code, message }] }`. */
export const errorEnvelopeSchema = z
  .object({ warnings: z.array(z.unknown()), errors: z.array(errorItem) })
  .meta({ id: "ErrorEnvelope", description: "Every failure is answered in this envelope, one item per problem." });

/** Warnings as the vendor sends them next to a successful answer. */
export const warningSchema = z
  .object({ status: z.literal(false), code: z.number().int(), message: z.string() })
  .meta({ id: "Warning", description: "A secondary activity failed; the main one succeeded." });

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input",
  401: "Missing or wrong API client credentials",
  403: "Forbidden",
  404: "Not found in the caller's org",
  405: "Method not allowed",
  409: "Conflict",
  415: "Unsupported media type",
  422: "Refused by a domain rule",
  500: "A bug: the answer names only the request id",
};

/** The Idempotency-Key header of the points-moving writes (lib/api/idempotency.ts), for `requestParams.header`. */
export const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().max(255).optional().meta({ description: "Retry safely: the same key and body replay the first answer (header Idempotent-Replayed: true); another body is a 409." }),
});

export function apiOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const errors: DocumentedError[] = [...(spec.errors ?? [])];
  if (spec.params || spec.query || spec.body) {
    errors.unshift({ status: 400, code: 400, message: "Invalid input : {field}: {problem}." });
  }
  errors.push({ status: 403, code: 403, message: "Till {code} of this API client is deactivated" });
  if (spec.scope) errors.push({ status: 403, code: 403, message: `This API client lacks the scope ${spec.scope}` });

  const responses: ZodOpenApiResponsesObject = {
    "200": { description: spec.responseDescription ?? "OK", content: { "application/json": { schema: spec.response } } },
    "401": errorResponse(401, [{ code: 401, message: "Invalid or missing API client credentials" }]),
  };
  for (const [status, list] of groupByStatus(errors)) responses[`${status as 400 | 403 | 404}`] = errorResponse(status, list);
  responses["500"] = errorResponse(500, [{ code: 500, message: "Internal error; quote request id {id} to support" }]);

  return {
    summary: spec.summary,
    description: describe(spec, errors),
    tags: [spec.tag],
    security: [{ basicAuth: [] }],
    ...(spec.scope ? { "x-scope": spec.scope } : {}),
    ...(spec.params || spec.query
      ? { requestParams: { ...(spec.params ? { path: spec.params } : {}), ...(spec.query ? { query: spec.query } : {}) } }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses,
  };
}

function errorResponse(status: number, list: readonly { code: number; message: string }[]) {
  const examples = Object.fromEntries(
    list.map((e, i) => [
      `${e.code}${list.filter((o) => o.code === e.code).length > 1 ? `-${i}` : ""}`,
      { summary: `${e.code}: ${e.message}`, value: { warnings: [], errors: [{ status: false, code: e.code, message: e.message }] } },
    ]),
  );
  return {
    description: `${STATUS_TEXT[status] ?? "Error"}. Codes: ${[...new Set(list.map((e) => e.code))].join(", ")}.`,
    content: { "application/json": { schema: errorEnvelopeSchema, examples } },
  };
}

function groupByStatus(errors: readonly DocumentedError[]): Map<number, DocumentedError[]> {
  const byStatus = new Map<number, DocumentedError[]>();
  for (const e of errors) byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

function describe(spec: OperationSpec, errors: readonly DocumentedError[]): string {
  const lines = [spec.description ?? spec.summary, "", `Scope: ${spec.scope ?? "none (any API client of the org)"}.`, "", "| HTTP | code | message |", "|---|---|---|"];
  lines.push("| 401 | 401 | Invalid or missing API client credentials |");
  for (const e of [...groupByStatus(errors).values()].flat()) lines.push(`| ${e.status} | ${e.code} | ${e.message.replaceAll("|", "\\|")} |`);
  return lines.join("\n");
}
