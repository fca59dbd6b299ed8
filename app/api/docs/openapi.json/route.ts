import { serveOpenApi } from "@/lib/api/openapi/serve";

/** GET /api/docs/openapi.json: the same document, always as JSON, under the name tools look for. */
export function GET(request: Request): Response {
  return serveOpenApi(request, { negotiate: false });
}
