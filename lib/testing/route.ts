// Calls a route handler the way Next.js does: a real Request in, a real Response out.
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export async function callRoute(
  handler: Handler,
  url: string,
  init: RequestInit & { params?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const { params = {}, ...requestInit } = init;
  const response = await handler(new Request(new URL(url, "http://localhost"), requestInit), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}
