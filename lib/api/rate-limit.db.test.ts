import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { withApiClient } from "./with-api-client";

// The per-client limit every /v2 route gets from withApiClient, on the real database counter.
const ping = withApiClient({}, async () => ({ ok: true }));


describe("withApiClient's rate limit", () => {
  it("answers 429 with Retry-After in the vendor's envelope once a client is over its limit, and only that client", async () => {
    const { org } = await createOrg();
    const limited = await createApiClient(org.id, { rateLimitPerMinute: 3 });
    const other = await createApiClient(org.id, { rateLimitPerMinute: 3 });
    const call = (authorization: string) => callRoute(ping, "/v2/ping", { headers: { authorization, "x-request-id": "rate-limit-test-0001" } });
    for (let i = 0; i < 3; i++) expect((await call(limited.authorization)).status).toBe(200);

    const refused = await call(limited.authorization);
    expect(refused.status).toBe(429);
    // At most the rest of this minute and the 20 s the next one needs to fade a third of 3 hits.
    const seconds = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 80).toBe(true);
    // The refusal is traceable like any answer: it echoes the caller's request id.
    expect(refused.headers.get("x-request-id")).toBe("rate-limit-test-0001");
    expect(refused.body).toEqual({
      warnings: [],
      errors: [{ status: false, code: 429, message: `Rate limit exceeded: this API client may make 3 requests per minute. Retry after ${seconds} s.` }],
    });
    expect((await call(other.authorization)).status).toBe(200);
  });

  it("applies a changed limit at the next request, and 0 means no limit", async () => {
    const { org } = await createOrg();
    const { client, authorization } = await createApiClient(org.id, { rateLimitPerMinute: 1 });
    const call = () => callRoute(ping, "/v2/ping", { headers: { authorization } });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    await db.apiClient.update({ where: { id: client.id }, data: { rateLimitPerMinute: 0 } });
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await call()).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("does not count a request whose credentials fail (the limit is the client's, not a stranger's)", async () => {
    const { org } = await createOrg();
    const { client } = await createApiClient(org.id, { rateLimitPerMinute: 1 });
    const wrong = `Basic ${Buffer.from(`${client.clientId}:wrong`).toString("base64")}`;
    expect((await callRoute(ping, "/v2/ping", { headers: { authorization: wrong } })).status).toBe(401);
    expect(await db.rateWindow.count({ where: { bucket: `api:${client.id}` } })).toBe(0);
  });
});

describe("a client created without a limit of its own", () => {
  it("gets the default of 600 requests per minute", async () => {
    const { org } = await createOrg();
    const client = await db.apiClient.create({ data: { orgId: org.id, clientId: `default-${org.id}`, name: "Defaults", secretHash: "x", scopes: [] } });
    expect(client.rateLimitPerMinute).toBe(600);
  });
});
