import { allowedMethods, API_DIR, API_V11_DIR, API_V3_DIR, matchRoute, scanApiRoutes, type ApiRoute } from "./route-table";
import { requestIdOf, respondError } from "./respond";

// The proxy's part of the API: a method a route does not implement gets 405 in the envelope with
// Allow (SPEC-vendor-api: 405 "Operation not supported for the resource."). Unknown paths pass
// on to app/api/v2/[[...path]], which answers 404 in the envelope.

export type ApiVersion = "v2" | "v1.1" | "v3";
const DIRS: Record<ApiVersion, string> = { v2: API_DIR, "v1.1": API_V11_DIR, v3: API_V3_DIR };
const caches = new Map<ApiVersion, { routes: ApiRoute[]; at: number }>();
// In development route files change while the server runs; in production they are fixed.
const FRESH_MS = process.env.NODE_ENV === "production" ? Infinity : 1000;

function routes(version: ApiVersion): ApiRoute[] | null {
  const cache = caches.get(version);
  if (cache && Date.now() - cache.at < FRESH_MS) return cache.routes;
  try {
    const fresh = { routes: scanApiRoutes(process.cwd(), DIRS[version]), at: Date.now() };
    caches.set(version, fresh);
    return fresh.routes;
  } catch {
    // Route sources absent (a deployment without them): leave methods to Next.js.
    return null;
  }
}

/** A 405 response for a request whose route lacks its method, or null to let it through. */
export function methodNotAllowed(request: Request, apiPath: string, version: ApiVersion = "v2"): Response | null {
  const table = routes(version);
  if (!table) return null;
  const route = matchRoute(table, apiPath.split("/").filter(Boolean).map(decodeSegment));
  if (!route) return null;
  const allow = allowedMethods(route);
  if ((allow as string[]).includes(request.method)) return null;
  return respondError(
    405,
    `Operation not supported for the resource: ${request.method} is not one of ${allow.join(", ")}.`,
    requestIdOf(request),
    { Allow: allow.join(", ") },
  );
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
