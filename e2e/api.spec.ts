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
