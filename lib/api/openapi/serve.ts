import { openApiDocument } from "./document";

/**
 * The document as JSON; a browser (which asks for HTML first) is sent to the readable view at
 * /docs instead, so /api/docs works for people and for tools.
 */
export function serveOpenApi(request: Request, { negotiate }: { negotiate: boolean }): Response {
  const accept = request.headers.get("accept") ?? "";
  if (negotiate && /^text\/html/.test(accept)) {
    return Response.redirect(new URL("/docs", request.url), 307);
  }
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=60" } });
}
