import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { webhooksDb } from "@/lib/testing/webhooks-factories";
import { createSubscription } from "@/lib/webhooks/subscriptions";
import { PUT } from "./route";

type Body = { data?: Record<string, unknown>; errors: { code: number; message: string; field?: string }[] | null };

async function org() {
  const { org } = await createOrg();
  const api = await createApiClient(org.id, { scopes: ["webhooks:write"] });
  // Made in the console (the same service), then changed through the vendor's API.
  const { subscription } = await createSubscription({
    orgId: org.id, actor: SYSTEM_ACTOR,
    input: { name: "crm", url: "https://93.184.216.34/a", events: ["tierUpgraded", "tierDowngraded", "tierRenewed"], headers: { "client-key": "k-1" } },
  });
  const put = async (id: number | string, body: unknown) =>
    (await callRoute(PUT, `/v3/webHooks/${id}`, { method: "PUT", headers: { authorization: api.authorization }, body: JSON.stringify(body), params: { webhookId: String(id) } })) as { status: number; body: Body };
  return { orgId: org.id, api, put, id: subscription.id };
}

describe("PUT /v3/webHooks/{webhookId}", () => {
  it("replaces the event list, changes only what the body names, and audits before and after", async () => {
    const o = await org();
    const r = await o.put(o.id, { eventNames: ["tierUpgraded", "pointsRedeemed"], noOfRetryAttempts: 10, active: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      errors: null,
      data: {
        webHookId: o.id, name: "crm", webHookUrl: "https://93.184.216.34/a", eventNames: ["tierUpgraded", "pointsRedeemed"], webHookHeaders: { "client-key": "k-1" },
        noOfRetryAttempts: 10, active: false,
        attribution: { createdBy: { type: "SYSTEM", code: "system" }, lastUpdatedBy: { id: o.api.client.id, code: o.api.client.clientId, type: "API_CLIENT" } },
      },
    });
    expect(r.body.data).not.toHaveProperty("signingSecret");
    expect(await webhooksDb.subscription(o.id)).toMatchObject({ events: ["tierUpgraded", "pointsRedeemed"], maxAttempts: 11, active: false, url: "https://93.184.216.34/a" });
    const audit = await webhooksDb.audit(o.orgId, "webhook.update");
    expect(audit).toMatchObject({ actorType: "API_CLIENT", before: { events: ["tierUpgraded", "tierDowngraded", "tierRenewed"], active: true }, after: { events: ["tierUpgraded", "pointsRedeemed"], active: false } });

    const renamed = await o.put(o.id, { name: "crm-2", webHookUrl: "https://93.184.216.34/b", webHookHeaders: {}, slaInSeconds: 5 });
    expect(renamed.body.data).toMatchObject({ name: "crm-2", webHookUrl: "https://93.184.216.34/b", webHookHeaders: {}, slaInSeconds: 5, eventNames: ["tierUpgraded", "pointsRedeemed"] });
  });

  it("refuses bad input and bad targets, and changes nothing", async () => {
    const o = await org();
    const bad = await o.put(o.id, { eventNames: [], webHookType: "queue" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(["eventNames", "webHookType"]);
    expect(await o.put(o.id, { webHookUrl: "http://10.0.0.7/hook" })).toMatchObject({ status: 422, body: { errors: [{ field: "webHookUrl", message: expect.stringContaining("10.0.0.7 is a loopback or private-network address") }] } });
    expect(await o.put("abc", { active: false })).toMatchObject({ status: 400, body: { errors: [{ field: "webhookId" }] } });
    expect(await webhooksDb.subscription(o.id)).toMatchObject({ url: "https://93.184.216.34/a", active: true, events: ["tierUpgraded", "tierDowngraded", "tierRenewed"] });
  });

  it("refuses a name another webhook of the org has", async () => {
    const o = await org();
    await createSubscription({ orgId: o.orgId, actor: SYSTEM_ACTOR, input: { name: "erp", url: "https://93.184.216.34/e", events: ["pointsIssued"], headers: {} } });
    expect(await o.put(o.id, { name: "erp" })).toMatchObject({ status: 409, body: { errors: [{ field: "name", message: expect.stringContaining('A webhook named "erp" already exists') }] } });
    expect((await o.put(o.id, { name: "crm" })).status).toBe(200);
  });

  it("does not find another org's webhook, nor one that does not exist", async () => {
    const mine = await org();
    const theirs = await org();
    expect(await mine.put(theirs.id, { active: false })).toMatchObject({ status: 404, body: { errors: [{ code: 404, message: `Webhook ${theirs.id} not found` }] } });
    expect((await webhooksDb.subscription(theirs.id)).active).toBe(true);
    expect((await mine.put(999_999, { active: false })).status).toBe(404);
  });
});
