import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiClient } from "@/lib/auth/api-client";
import { databaseUrl } from "@/lib/env";
import { updateOrgConfig } from "@/lib/org/configs";
import { basic, createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { seedDemo } from "@/prisma/seed";
import { CONFIG_KEYS } from "@/lib/org/config-registry";
import { GET } from "./route";

type Config = { key: string; value: unknown; default: unknown; isDefault: boolean; description: string };
type Body = { data: Config[]; warnings: string[] };
type ErrorBody = { warnings: unknown[]; errors: { status: boolean; code: number; message: string; field?: string }[] };

const DEMO = { headers: { authorization: basic("demo-pos", "demo-pos-secret") } };
const ROUTE = "/api/v2/orgSettings/configs";

describe("GET /v2/orgSettings/configs", () => {
  beforeAll(async () => {
    await seedDemo(databaseUrl());
  });

  it("answers 401 in the error envelope without credentials", async () => {
    const res = await callRoute(GET, ROUTE);
    expect(res.status).toBe(401);
    expect((res.body as ErrorBody).errors[0]).toMatchObject({ status: false, code: 401 });
  });

  it("lists every config with the demo org's values, defaults and descriptions", async () => {
    const res = await callRoute(GET, ROUTE, DEMO);
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.warnings).toEqual([]);
    expect(body.data).toHaveLength(CONFIG_KEYS.length);
    const byKey = new Map(body.data.map((c) => [c.key, c]));
    expect(byKey.get("CONF_USER_GROUP_ENABLED")).toMatchObject({ value: true, default: false, isDefault: false });
    expect(byKey.get("CONF_USER_GROUP_SIZE")).toMatchObject({ value: 5, default: 5, isDefault: true });
    expect(byKey.get("CONF_MAX_FLEET_GROUP_SIZE")).toMatchObject({ value: 30000, isDefault: true });
    expect(byKey.get("CONF_USER_GROUP_ENABLED")?.description).toMatch(/Master switch/);
  });

  it("filters by keys, reading the singular redemption spelling as the plural with a warning", async () => {
    const res = await callRoute(GET, `${ROUTE}?keys=CONF_USER_GROUP_SIZE,ENABLE_GROUP_PROGRAM_REDEMPTION`, DEMO);
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.data.map((c) => c.key)).toEqual(["CONF_USER_GROUP_SIZE", "ENABLE_GROUP_PROGRAMS_REDEMPTION"]);
    expect(body.warnings).toEqual(["ENABLE_GROUP_PROGRAM_REDEMPTION is read as ENABLE_GROUP_PROGRAMS_REDEMPTION"]);
  });

  it("answers 400 naming an unknown key", async () => {
    const res = await callRoute(GET, `${ROUTE}?keys=CONF_USER_GROUP_SIZE,NOT_A_CONFIG`, DEMO);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { status: false, code: 400, message: "Invalid input : query keys: unknown config NOT_A_CONFIG.", field: "keys" },
    ]);
  });

  it("shows a second org's client only its own values, never the demo org's", async () => {
    const { org } = await createOrg();
    const { authorization } = await createApiClient(org.id, { scopes: [] });
    const demo = await authenticateApiClient(DEMO.headers.authorization);
    if (!demo) throw new Error("the demo client should authenticate");
    await updateOrgConfig({ orgId: demo.orgId, actor: { kind: "system", label: "test" }, key: "CONF_USER_GROUP_SIZE", value: 9 });
    const res = await callRoute(GET, `${ROUTE}?keys=CONF_USER_GROUP_ENABLED,CONF_USER_GROUP_SIZE`, { headers: { authorization } });
    expect(res.status).toBe(200);
    expect((res.body as Body).data.map((c) => [c.key, c.value, c.isDefault])).toEqual([
      ["CONF_USER_GROUP_ENABLED", false, true],
      ["CONF_USER_GROUP_SIZE", 5, true],
    ]);
    const demoRes = await callRoute(GET, `${ROUTE}?keys=CONF_USER_GROUP_SIZE`, DEMO);
    expect((demoRes.body as Body).data[0]?.value).toBe(9);
  });
});
