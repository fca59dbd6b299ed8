import { requestIdOf, respondError } from "@/lib/api/respond";

// Any /v2 path no route serves: a 404 in the error envelope with X-Request-Id, not Next.js's
// HTML page. More specific routes always win over this optional catch-all.
function unknownPath(request: Request): Response {
  const path = new URL(request.url).pathname.replace(/^\/api(?=\/v2)/, "");
  return respondError(404, `No API resource at ${path}.`, requestIdOf(request));
}

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
