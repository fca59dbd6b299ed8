import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DB_MESSAGES } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { idParam, pageQuery } from "./params";
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

  it("answers 400 for a body that is not JSON with one error, and for a missing body", async () => {
    const bad = await post("/x/7", "{points:");
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).errors).toHaveLength(1);
    expect((bad.body as ErrorBody).errors[0]?.message).toMatch(/^Invalid input : body is not valid JSON/);
    const missing = await post("/x/7", "");
    expect(missing.status).toBe(400);
  });

  it("says one clear thing per bad id, whatever is wrong with it", async () => {
    const byId = withApiClient({ params: z.object({ id: idParam("program") }) }, async ({ params }) => ({ id: params.id }));
    for (const id of ["abc", "-1", "0", "1.5", "99999999999999999999", "2147483648"]) {
      const res = await callRoute(byId, `/x/${id}`, { headers: { authorization }, params: { id } });
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).errors).toEqual([
        { status: false, code: 400, field: "id", message: "Invalid input : path id: must be a program id: a whole number from 1 to 2147483647." },
      ]);
    }
    const ok = await callRoute(byId, "/x/2147483647", { headers: { authorization }, params: { id: "2147483647" } });
    expect(ok.body).toEqual({ id: 2147483647 });
  });

  it("refuses ?limit=abc and ?offset=x with 400 on every route, paging or not", async () => {
    const plain = withApiClient({}, async () => ({ ok: true }));
    const res = await callRoute(plain, "/x?limit=abc&offset=1.5", { headers: { authorization } });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors.map((e) => [e.field, e.message])).toEqual([
      ["limit", "Invalid input : query limit: must be a whole number."],
      ["offset", "Invalid input : query offset: must be a whole number."],
    ]);
    expect((await callRoute(plain, "/x?limit=5", { headers: { authorization } })).status).toBe(200);
    const paged = withApiClient({ query: z.object(pageQuery({ maxLimit: 50 })) }, async ({ query }) => query);
    expect((await callRoute(paged, "/x", { headers: { authorization } })).body).toEqual({ limit: 20, offset: 0 });
    const tooMany = await callRoute(paged, "/x?limit=51", { headers: { authorization } });
    expect((tooMany.body as ErrorBody).errors).toEqual([
      { status: false, code: 400, field: "limit", message: "Invalid input : query limit: must be a whole number from 1 to 50." },
    ]);
  });

  it("refuses a body over the size limit with 413 before reading it, declared or streamed", async () => {
    const big = JSON.stringify({ points: 1, notes: "x".repeat(1024 * 1024) });
    const declared = await callRoute(echo, "/x/7", {
      method: "POST", body: big, headers: { authorization, "content-type": "application/json", "content-length": String(big.length) }, params: { id: "7" },
    });
    expect(declared.status).toBe(413);
    expect((declared.body as ErrorBody).errors).toEqual([{ status: false, code: 413, message: "Request body is larger than the limit of 1 MiB." }]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        controller.close();
      },
    });
    const chunked = await callRoute(echo, "/x/7", {
      method: "POST", body: stream, headers: { authorization, "content-type": "application/json" }, params: { id: "7" }, duplex: "half",
    } as RequestInit & { params: Record<string, string> });
    expect(chunked.status).toBe(413);
  });

  it("refuses a query string over 8 KiB with 414 in the envelope, and reads one just under it", async () => {
    const paged = withApiClient({ query: z.object({ q: z.string().max(10_000) }) }, async ({ query }) => query.q.length);
    const long = await callRoute(paged, `/x?q=${"a".repeat(8 * 1024)}`, { headers: { authorization } });
    expect(long.status).toBe(414);
    expect((long.body as ErrorBody).errors).toEqual([{ status: false, code: 414, message: "Query string is longer than the limit of 8 KiB." }]);
    const fits = await callRoute(paged, `/x?q=${"a".repeat(8 * 1024 - 2)}`, { headers: { authorization } });
    expect([fits.status, fits.body]).toEqual([200, 8 * 1024 - 2]);
  });

  it("answers text the database cannot store (a NUL character) with 400, never 500", async () => {
    const write = withApiClient({ body: z.object({ name: z.string().max(50) }) }, async ({ orgId: org, body }) => {
      await db.zone.create({ data: { orgId: org, code: "NUL", name: body.name } });
    });
    const res = await callRoute(write, "/x", { method: "POST", body: JSON.stringify({ name: "a\u0000b" }), headers: { authorization, "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 400, message: DB_MESSAGES.unstorable }]);
    expect(await db.zone.count({ where: { orgId, code: "NUL" } })).toBe(0);
  });

  it("answers a database conflict no call site foresaw with 409, never 500", async () => {
    const dup = withApiClient({}, async ({ orgId: org }) => {
      await db.zone.create({ data: { orgId: org, code: "DUP", name: "Z" } });
      await db.zone.create({ data: { orgId: org, code: "DUP", name: "Z" } });
    });
    const res = await callRoute(dup, "/x", { headers: { authorization } });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 409, message: DB_MESSAGES.unique }]);
    expect(await db.zone.count({ where: { orgId, code: "DUP" } })).toBe(1);
    const serialisation = withApiClient({}, async () => db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$`));
    const conflict = await callRoute(serialisation, "/x", { headers: { authorization } });
    expect(conflict.status).toBe(409);
    expect((conflict.body as ErrorBody).errors[0]?.message).toBe(DB_MESSAGES.conflict);
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
