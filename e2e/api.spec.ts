import { expect, test } from "@playwright/test";

// The external API through the real server, as a POS would call it.
test.use({ storageState: { cookies: [], origins: [] } });

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

test("GET /v2/programs needs credentials and answers in the error envelope", async ({ request }) => {
  const res = await request.get("/v2/programs");
  expect(res.status()).toBe(401);
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(await res.json()).toMatchObject({ warnings: [], errors: [{ status: false, code: 401 }] });
});

test("GET /v2/programs refuses a wrong secret", async ({ request }) => {
  const res = await request.get("/v2/programs", { headers: { authorization: basic("demo-pos", "wrong") } });
  expect(res.status()).toBe(401);
});

test("GET /v2/programs lists the demo org's programs for the demo POS", async ({ request }) => {
  const res = await request.get("/v2/programs", { headers: { authorization: basic("demo-pos", "demo-pos-secret") } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: { name: string }[] };
  expect(body.data.map((p) => p.name)).toEqual(["Demo Retail Rewards", "Jewel Circle", "Trends Style Club"]);
});

// Every answer of the API is the envelope with X-Request-Id, however the call goes wrong.
type Envelope = { warnings: unknown[]; errors: { status: boolean; code: number; message: string; field?: string }[] };
const POS = { authorization: basic("demo-pos", "demo-pos-secret") };

test("a wrong method gets 405 in the envelope with Allow, on /v2 and /api/v2", async ({ request }) => {
  for (const path of ["/v2/programs", "/api/v2/programs/1"]) {
    const res = await request.delete(path, { headers: POS });
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as Envelope;
    expect(body.errors).toEqual([{ status: false, code: 405, message: "Operation not supported for the resource: DELETE is not one of GET, HEAD, OPTIONS." }]);
  }
  const post = await request.post("/v2/orgSettings/configs", { headers: POS, data: {} });
  expect(post.status()).toBe(405);
});

test("an unknown /v2 path gets 404 in the envelope, not an HTML page", async ({ request }) => {
  for (const [method, path] of [["GET", "/v2/nothing-here"], ["POST", "/v2/programs/1/nothing"], ["GET", "/api/v2"]] as const) {
    const res = await request.fetch(path, { method, headers: { ...POS, "x-request-id": "trace-abc-123" } });
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(res.headers()["x-request-id"]).toBe("trace-abc-123");
    expect(((await res.json()) as Envelope).errors).toEqual([{ status: false, code: 404, message: `No API resource at ${path.replace(/^\/api/, "")}.` }]);
  }
});

test("a bad program id gets one clear message, and ?limit=abc is refused", async ({ request }) => {
  const res = await request.get("/v2/programs/-1", { headers: POS });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as Envelope).errors).toEqual([
    { status: false, code: 400, field: "id", message: "Invalid input : path id: must be a program id: a whole number from 1 to 2147483647." },
  ]);
  const limit = await request.get("/v2/programs?limit=abc", { headers: POS });
  expect(limit.status()).toBe(400);
  expect(((await limit.json()) as Envelope).errors[0]).toMatchObject({ field: "limit", message: "Invalid input : query limit: must be a whole number." });
});
