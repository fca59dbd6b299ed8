import "server-only";
import type { ApiCaller } from "@/lib/auth/api-client";
import { admitHit } from "@/lib/auth/rate-limit";
import { apiError, errorBody } from "./envelope";
import { respond } from "./respond";

const MINUTE_MS = 60_000;

/**
 * The 429 for an API client over its requests-per-minute limit (Settings → API clients; 0 is no
 * limit), or null when the request may go on. Counted in the database, so every app instance
 * shares one count per client.
 */
export async function rateLimitRefusal(caller: ApiCaller, requestId: string): Promise<Response | null> {
  if (caller.rateLimitPerMinute <= 0) return null;
  const decision = await admitHit(`api:${caller.id}`, caller.rateLimitPerMinute, MINUTE_MS);
  if (decision.allowed) return null;
  const seconds = decision.retryAfterSeconds;
  return respond(
    429,
    errorBody([apiError(429, `Rate limit exceeded: this API client may make ${caller.rateLimitPerMinute} requests per minute. Retry after ${seconds} s.`)]),
    requestId,
    { "Retry-After": String(seconds) },
  );
}
