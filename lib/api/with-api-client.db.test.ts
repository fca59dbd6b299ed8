import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { withApiClient } from "./with-api-client";

// The wrapper every /v2 route uses, exercised with small handlers of its own.
const echo = withApiClient(
  {
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ limit: z.coerce.number().int().max(100).default(10) }),
    body: z.object({ points: z.number().int().positive(), notes: z.string().max(20).optional() }),
  },
  async ({ params, query, body, orgId }) => ({ id: params.id, limit: query.limit, points: body.points, orgId }),
);
const failing = withApiClient({}, async () => {
  throw new Error("database exploded at /secret/path.ts:42");
});
const domainError = withApiClient({}, async () => {
  throw new AppError("NOT_FOUND", "Group ID 99 invalid.", { code: 1619 });
});

type ErrorBody = { warnings: unknown[]; errors: { status: boolean; code: number; message: string; field?: string }[] };

describe("withApiClient", () => {
  let authorization: string;
  let orgId: number;

  beforeAll(async () => {
    const { org } = await createOrg();
    orgId = org.id;
    ({ authorization } = await createApiClient(org.id));
  });

  const post = (url: string, body: string, params = { id: "7" }) =>
    callRoute(echo, url, { method: "POST", body, headers: { authorization, "content-type": "application/json" }, params });

  it("passes parsed path, query and body to the handler, with the caller's org", async () => {
    const res = await post("/x/7?limit=5", JSON.stringify({ points: 30 }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 7, limit: 5, points: 30, orgId });
  });

  it("answers 400 with one error per bad field, naming the field", async () => {
    const res = await post("/x/abc?limit=500", JSON.stringify({ points: -3, notes: "x".repeat(30) }), { id: "abc" });
    expect(res.status).toBe(400);
    const fields = (res.body as ErrorBody).errors.map((e) => e.field).sort();
    expect(fields).toEqual(["id", "limit", "notes", "points"]);
    for (const error of (res.body as ErrorBody).errors) {
      expect(error).toMatchObject({ status: false, code: 400 });
      expect(error.message).toMatch(/^Invalid input : /);
    }
  });

  it("answers 400 for a body that is not JSON, and for a missing body", async () => {
    const bad = await post("/x/7", "{points:");
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).errors[0]?.message).toMatch(/not valid JSON/);
    const missing = await post("/x/7", "");
    expect(missing.status).toBe(400);
  });

  it("turns domain errors into their status and vendor code", async () => {
    const res = await callRoute(domainError, "/x", { headers: { authorization } });
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).errors[0]).toEqual({ status: false, code: 1619, message: "Group ID 99 invalid." });
  });

  it("hides an unexpected failure behind its request id: no message, no stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await callRoute(failing, "/x", { headers: { authorization } });
    expect(res.status).toBe(500);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain("exploded");
    expect(text).not.toContain("/secret/path.ts");
    expect(text).toContain(res.headers.get("x-request-id") ?? "missing");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("withApiClient and the client's till", () => {
  it("refuses with 403 a client whose bound till was deactivated", async () => {
    const { db } = await import("@/lib/db/client");
    const { org } = await createOrg();
    const zone = await db.zone.create({ data: { orgId: org.id, code: "Z", name: "Z" } });
    const concept = await db.concept.create({ data: { orgId: org.id, code: "C", name: "C" } });
    const store = await db.store.create({ data: { orgId: org.id, code: "S", name: "S", zoneId: zone.id, conceptId: concept.id } });
    const till = await db.till.create({ data: { orgId: org.id, code: "T-9", name: "T", storeId: store.id } });
    const { client, authorization } = await createApiClient(org.id);
    await db.apiClient.update({ where: { id: client.id }, data: { tillId: till.id } });
    const ok = withApiClient({}, async () => ({ ok: true }));
    expect((await callRoute(ok, "/x", { headers: { authorization } })).status).toBe(200);
    await db.till.update({ where: { id: till.id }, data: { active: false } });
    const refused = await callRoute(ok, "/x", { headers: { authorization } });
    expect(refused.status).toBe(403);
    expect((refused.body as ErrorBody).errors[0]?.message).toContain("T-9");
  });
});
