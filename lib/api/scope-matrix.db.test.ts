import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SCOPE_NAMES, type ApiScope } from "@/lib/auth/scopes";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { API_DIR, API_V11_DIR, API_V3_DIR, scanApiRoutes, type HttpMethod } from "./route-table";

// Issue 10 "Access": every API route (lib/api/route-table.ts reads them from app/api/v2,
// app/api/v1.1 and app/api/v3) and every method it exports, called by an API client without the route's scope,
// by one with every scope but that one, by one with only that one, and with no credentials. The
// scope each route declares is read from its 403 and compared with the list a client can hold
// (lib/auth/scopes.ts); the few routes that need no scope are named here, so a route that forgets
// its scope fails this test.
const CATCH_ALL = ["GET", "POST", "PUT", "PATCH", "DELETE"].flatMap((m) => [`${m} /v2/[[...path]]`, `${m} /v1.1/[[...path]]`, `${m} /v3/[[...path]]`]);
const NO_SCOPE_NEEDED = new Set(["GET /v2/ping", "GET /v2/openapi.json", ...CATCH_ALL]);
// Any client of the org, whatever its scopes: the org's configs hold no customer data, and POS
// systems need them (the route says why).
const ANY_CLIENT = new Set(["GET /v2/orgSettings/configs"]);

type Handler = Parameters<typeof callRoute>[0];
type Door = { label: string; method: HttpMethod; handler: Handler };

function urlOf(file: string): string {
  const dir = path.dirname(file).replace(/^app\/api/, "");
  return dir.replace(/\[\[\.\.\.[^\]]+\]\]/g, "[[...path]]");
}

const doors: Door[] = [];
for (const route of [API_DIR, API_V11_DIR, API_V3_DIR].flatMap((dir) => scanApiRoutes(process.cwd(), dir))) {
  const mod = (await import(path.join(process.cwd(), route.file))) as Record<string, Handler>;
  for (const method of route.methods) doors.push({ label: `${method} ${urlOf(route.file)}`, method, handler: mod[method]! });
}

const clients = {} as { none: string; byScope: Map<ApiScope, { only: string; allBut: string }> };
beforeAll(async () => {
  const { org } = await createOrg();
  clients.none = (await createApiClient(org.id, { scopes: [] })).authorization;
  clients.byScope = new Map();
  for (const scope of SCOPE_NAMES) {
    clients.byScope.set(scope, {
      only: (await createApiClient(org.id, { scopes: [scope] })).authorization,
      allBut: (await createApiClient(org.id, { scopes: SCOPE_NAMES.filter((s) => s !== scope) })).authorization,
    });
  }
});

const call = (door: Door, authorization?: string) =>
  callRoute(door.handler, "/v2/probe", {
    method: door.method,
    headers: { ...(authorization ? { authorization } : {}), "content-type": "application/json" },
    ...(door.method === "GET" || door.method === "HEAD" ? {} : { body: "{}" }),
  });

const LACKS = /^This API client lacks the scope (\S+)$/;
const messageOf = (body: unknown) => (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message ?? "";

describe("the API route × scope matrix", () => {
  it("finds the routes", () => {
    expect(doors.length).toBeGreaterThan(40);
  });

  it.each(doors.map((d) => [d.label, d] as const))("%s", async (label, door) => {
    const anonymous = await call(door);
    if (NO_SCOPE_NEEDED.has(label)) {
      // Public or catch-all: no scope to check, and never a door into data.
      expect(anonymous.status, label).not.toBe(200);
      return;
    }
    expect(anonymous.status, `${label} without credentials`).toBe(401);
    const none = await call(door, clients.none);
    if (ANY_CLIENT.has(label)) {
      expect(none.status, label).toBe(200);
      return;
    }
    expect(none.status, `${label} by a client with no scopes: ${messageOf(none.body)}`).toBe(403);
    const scope = LACKS.exec(messageOf(none.body))?.[1] as ApiScope | undefined;
    expect(SCOPE_NAMES, `${label} names a scope a client can hold`).toContain(scope);
    const pair = clients.byScope.get(scope!)!;
    const allBut = await call(door, pair.allBut);
    expect([allBut.status, messageOf(allBut.body)], `${label} with every scope but ${scope}`).toEqual([403, `This API client lacks the scope ${scope}`]);
    const only = await call(door, pair.only);
    expect(messageOf(only.body), `${label} with only ${scope}`).not.toMatch(LACKS);
    expect(only.status, `${label} with only ${scope}: a 5xx is a bug`).toBeLessThan(500);
  });
});
