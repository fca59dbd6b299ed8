import { requestIdOf, respondError } from "@/lib/api/respond";

// Any /v3 path no route serves (only the webhook calls of SPEC-vendor-api §F.2 are): a 404 in
// the error envelope, as under /v2.
function unknownPath(request: Request): Response {
  const path = new URL(request.url).pathname.replace(/^\/api(?=\/v3)/, "");
  return respondError(404, `No API resource at ${path}.`, requestIdOf(request));
}

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
