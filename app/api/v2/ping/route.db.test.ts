import { describe, expect, it } from "vitest";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { GET } from "./route";

describe("GET /v2/ping", () => {
  it("answers a valid API client with its org, and refuses wrong credentials", async () => {
    const { org } = await createOrg();
    const { authorization } = await createApiClient(org.id, { scopes: [] });
    expect(await callRoute(GET, "/v2/ping", { headers: { authorization } })).toMatchObject({ status: 200, body: { ok: true, orgId: org.id } });
    expect((await callRoute(GET, "/v2/ping", { headers: { authorization: "Basic bm86bm8=" } })).status).toBe(401);
  });
});
