import { callRoute } from "@/lib/testing/route";

// Calls a /v2/userGroup2 handler with JSON and an API client's credentials (tests only).
type Handler = Parameters<typeof callRoute>[0];
export type ErrorItem = { status: boolean; code: number; message: string; field?: string };
export type ErrorBody = { warnings: unknown[]; errors: ErrorItem[] };

export function caller(authorization: string) {
  return (handler: Handler, method: string, url: string, body?: unknown, params?: Record<string, string>) =>
    callRoute(handler, url, {
      method,
      headers: { authorization, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(params ? { params } : {}),
    });
}

/** The codes of an error envelope, in order. */
export function codes(body: unknown): number[] {
  return ((body as ErrorBody).errors ?? []).map((e) => e.code);
}
