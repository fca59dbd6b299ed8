import { allowedMethods, matchRoute, scanApiRoutes, type ApiRoute } from "./route-table";
import { requestIdOf, respondError } from "./respond";

// The proxy's part of the API: a method a route does not implement gets 405 in the envelope with
// Allow (SPEC-vendor-api: 405 "Operation not supported for the resource."). Unknown paths pass
// on to app/api/v2/[[...path]], which answers 404 in the envelope.

let cache: { routes: ApiRoute[]; at: number } | null = null;
// In development route files change while the server runs; in production they are fixed.
const FRESH_MS = process.env.NODE_ENV === "production" ? Infinity : 1000;

function routes(): ApiRoute[] | null {
  if (cache && Date.now() - cache.at < FRESH_MS) return cache.routes;
  try {
    cache = { routes: scanApiRoutes(), at: Date.now() };
    return cache.routes;
  } catch {
    // Route sources absent (a deployment without them): leave methods to Next.js.
    return null;
  }
}

/** A 405 response for a request whose route lacks its method, or null to let it through. */
export function methodNotAllowed(request: Request, apiPath: string): Response | null {
  const table = routes();
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
