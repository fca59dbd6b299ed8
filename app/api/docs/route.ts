import { serveOpenApi } from "@/lib/api/openapi/serve";

/** GET /api/docs: the OpenAPI 3.1 document of the /v2 API (public: it holds no data); browsers go to /docs. */
export function GET(request: Request): Response {
  return serveOpenApi(request, { negotiate: true });
}
