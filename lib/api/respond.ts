import { apiError, errorBody } from "./envelope";

// Response helpers shared by withApiClient, the unknown-path route and the proxy's 405: every
// /v2 answer is JSON, never cached, and carries X-Request-Id. No database or server-only imports,
// so the proxy can use them.

export function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store", ...headers } });
}

/** One error in the vendor's envelope. */
export function respondError(status: number, message: string, requestId: string, headers: Record<string, string> = {}, code = status): Response {
  return respond(status, errorBody([apiError(code, message)]), requestId, headers);
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** A valid incoming X-Request-Id is echoed (callers correlate logs with it); otherwise a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
