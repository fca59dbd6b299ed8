import { describe, expect, it } from "vitest";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { setOrgConfig } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { webhooksDb } from "@/lib/testing/webhooks-factories";
import { decryptSecret } from "@/lib/webhooks/secret";
import { POST } from "./route";

type Body = { data?: Record<string, unknown> & { webHookId: number; signingSecret?: string }; errors: { code: number; message: string; field?: string }[] | null };

async function org(scopes = ["webhooks:write"]) {
  const { org } = await createOrg();
  const api = await createApiClient(org.id, { scopes });
  const post = async (body: unknown) =>
    (await callRoute(POST, "/v3/webHooks", { method: "POST", headers: { authorization: api.authorization }, body: JSON.stringify(body) })) as { status: number; body: Body };
  return { orgId: org.id, api, post };
}

// The vendor's create sample (SPEC-vendor-api §F.2), pointed at a public address.
const sample = (extra: Record<string, unknown> = {}) => ({
  name: "crm-tier-sync",
  eventNames: ["tierUpgraded", "tierDowngraded"],
  webHookUrl: "https://93.184.216.34/loyalty/events",
  webHookType: "HTTP",
  methodType: "POST",
  webHookHeaders: { "Content-Type": "application/json", "client-key": "abc-123" },
  maxAllowedConnections: 10.99,
  slaInSeconds: 30,
  ...extra,
});

describe("POST /v3/webHooks", () => {
  it("creates the subscription the console lists, answers the vendor's shape with the signing secret once, and audits it", async () => {
    const o = await org();
    const r = await o.post(sample());
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeNull();
    expect(r.body.data).toMatchObject({
      name: "crm-tier-sync", eventNames: ["tierUpgraded", "tierDowngraded"], webHookUrl: "https://93.184.216.34/loyalty/events",
      // Content-Type: application/json is what every delivery sends anyway: not kept as a custom header.
      webHookType: "HTTP", methodType: "POST", webHookHeaders: { "client-key": "abc-123" }, noOfRetryAttempts: 11,
      maxAllowedConnections: 10, active: true, slaInSeconds: 30, consumerGroupId: null,
      attribution: {
        createdOn: expect.stringMatching(/^\d{4}-/), lastUpdatedOn: expect.stringMatching(/^\d{4}-/),
        createdBy: { id: o.api.client.id, code: o.api.client.clientId, name: "Test client", type: "API_CLIENT" },
        lastUpdatedBy: { id: o.api.client.id, type: "API_CLIENT" },
      },
      signingSecret: expect.stringMatching(/^whsec_/),
    });
    const row = await webhooksDb.subscription(r.body.data!.webHookId);
    expect(row).toMatchObject({ orgId: o.orgId, events: ["tierUpgraded", "tierDowngraded"], maxAttempts: 12, maxAllowedConnections: 10, slaInSeconds: 30, active: true });
    // Stored encrypted: the answer's secret is what the deliveries sign with.
    expect(row.signingSecret).not.toContain("whsec_");
    expect(decryptSecret(row.signingSecret)).toBe(r.body.data!.signingSecret);
    const audit = await webhooksDb.audit(o.orgId, "webhook.create");
    expect(audit).toMatchObject({ actorType: "API_CLIENT", actorId: o.api.client.id, entityId: String(row.id) });
    // Header names only: values are often credentials.
    expect(audit.after).toMatchObject({ headers: ["client-key"] });
    expect(JSON.stringify(audit.after)).not.toContain("abc-123");
  });

  it("takes the vendor's defaults (active, HTTP, POST) and noOfRetryAttempts as retries after the first attempt", async () => {
    const o = await org();
    const r = await o.post({ name: "minimal", eventNames: ["pointsIssued"], webHookUrl: "https://93.184.216.34/x", noOfRetryAttempts: 3, active: false });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ active: false, webHookType: "HTTP", methodType: "POST", webHookHeaders: {}, noOfRetryAttempts: 3, maxAllowedConnections: null, slaInSeconds: null });
    expect(await webhooksDb.subscription(r.body.data!.webHookId)).toMatchObject({ maxAttempts: 4, active: false });
  });

  it("refuses bad input field by field and creates nothing", async () => {
    const o = await org();
    const r = await o.post({ name: "", eventNames: ["tierUpgraded", "noSuchEvent"], webHookUrl: "https://93.184.216.34/x", webHookType: "queue", methodType: "GET", webHookHeaders: { Host: "evil" }, noOfRetryAttempts: 99 });
    expect(r.status).toBe(400);
    const byField = Object.fromEntries((r.body.errors ?? []).map((e) => [e.field, e.message]));
    expect(byField).toEqual({
      name: "Invalid input : name: Give the webhook a name.",
      "eventNames.1": expect.stringContaining("Invalid input : eventNames.1: Unknown event name; one of: tierUpgraded, tierDowngraded,"),
      webHookType: "Invalid input : webHookType: Only HTTP webhooks are delivered here; webHookType queue is not supported.",
      methodType: "Invalid input : methodType: methodType must be POST.",
      webHookHeaders: "Invalid input : webHookHeaders: Host is set by the console itself and cannot be a custom header.",
      noOfRetryAttempts: "Invalid input : noOfRetryAttempts: At most 20 retries.",
    });
    expect(await o.post({ name: "x", eventNames: [], webHookUrl: "https://93.184.216.34/x" })).toMatchObject({
      status: 400, body: { errors: [{ field: "eventNames", message: "Invalid input : eventNames: Name at least one event." }] },
    });
    // Content-Type: application/json is dropped (every delivery sends it); another type is refused.
    expect(await o.post(sample({ webHookHeaders: { "Content-Type": "text/plain" } }))).toMatchObject({
      status: 400, body: { errors: [{ field: "webHookHeaders", message: "Invalid input : webHookHeaders: Content-Type is set by the console itself and cannot be a custom header." }] },
    });
    expect(await webhooksDb.count(o.orgId)).toBe(0);
  });

  it("refuses non-http URLs, and loopback unless the org allows it, on the vendor's field name", async () => {
    const o = await org();
    expect(await o.post(sample({ webHookUrl: "ftp://example.com/x" }))).toMatchObject({ status: 422, body: { errors: [{ code: 422, field: "webHookUrl", message: "Webhook URLs must use http or https." }] } });
    const loopback = await o.post(sample({ webHookUrl: "http://127.0.0.1:9/x" }));
    expect(loopback).toMatchObject({ status: 422, body: { errors: [{ field: "webHookUrl", message: expect.stringContaining("127.0.0.1 is a loopback or private-network address") }] } });
    await setOrgConfig(o.orgId, "WEBHOOK_ALLOW_PRIVATE_TARGETS", true);
    expect((await o.post(sample({ webHookUrl: "http://127.0.0.1:9/x" }))).status).toBe(200);
  });

  it("keeps names unique within the org, not across orgs", async () => {
    const a = await org();
    const b = await org();
    expect((await a.post(sample())).status).toBe(200);
    const again = await a.post(sample());
    expect(again).toMatchObject({ status: 409, body: { errors: [{ code: 409, field: "name", message: expect.stringMatching(/^A webhook named "crm-tier-sync" already exists \(id \d+\)\.$/) }] } });
    expect((await b.post(sample())).status).toBe(200);
  });

  it("needs the webhooks:write scope and credentials", async () => {
    const o = await org(["points:read"]);
    expect(await o.post(sample())).toMatchObject({ status: 403, body: { errors: [{ message: "This API client lacks the scope webhooks:write" }] } });
    const anonymous = await callRoute(POST, "/v3/webHooks", { method: "POST", body: JSON.stringify(sample()) });
    expect(anonymous.status).toBe(401);
  });
});
