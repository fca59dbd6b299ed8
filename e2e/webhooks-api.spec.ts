import { expect, test } from "@playwright/test";

// The vendor's /v3 webhook calls reach their handlers through the production server's rewrite
// and proxy, as /v2 and /v1.1 do (the handlers' rules are in app/api/v3/**/route.db.test.ts).
const backOffice = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;

test("the vendor's webhook API is served at /v3 and /api/v3, wrong methods and unknown paths in the envelope", async ({ request }) => {
  const name = `e2e-${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const created = await request.post("/v3/webHooks", {
    headers: { authorization: backOffice },
    // Paused from the start: the demo org's other specs' events must not be sent anywhere.
    data: { name, active: false, eventNames: ["tierUpgraded"], webHookUrl: "https://93.184.216.34/hook", webHookHeaders: { "client-key": "k" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { data } = (await created.json()) as { data: { webHookId: number; signingSecret: string } };
  expect(data.signingSecret).toMatch(/^whsec_/);

  const updated = await request.put(`/api/v3/webHooks/${data.webHookId}`, { headers: { authorization: backOffice }, data: { eventNames: ["tierDowngraded"] } });
  expect(await updated.json()).toMatchObject({ data: { webHookId: data.webHookId, eventNames: ["tierDowngraded"], active: false }, errors: null });

  const wrong = await request.delete(`/v3/webHooks/${data.webHookId}`, { headers: { authorization: backOffice } });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("PUT, OPTIONS");
  const unknown = await request.get("/v3/noSuchThing", { headers: { authorization: backOffice } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ errors: [{ code: 404, message: "No API resource at /v3/noSuchThing." }] });
});
