import { describe, expect, it } from "vitest";
import { GET as listProgramsRoute } from "@/app/api/v2/programs/route";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiClient } from "@/lib/auth/api-client";
import { db } from "@/lib/db/client";
import { createTill } from "@/lib/testing/admin-factories";
import { basic, createOrg, createUser } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { createApiClient, listActiveTills, listApiClients, revokeApiClient } from "./api-clients";
import { createApiClientSchema } from "./api-clients-schema";

async function adminOf(orgId: number): Promise<Actor> {
  const { user } = await createUser(orgId, "ADMIN");
  return { kind: "user", id: user.id, label: user.email };
}

const input = (over: Partial<{ name: string; tillId: string; scopes: string[] }> = {}) =>
  createApiClientSchema.parse({ name: "Web shop", tillId: "", scopes: ["programs:read"], ...over });

describe("createApiClient", () => {
  it("returns a secret once that authenticates, and stores only its hash", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const created = await createApiClient({ orgId: org.id, actor, input: input() });
    expect(created.clientId).toMatch(/^lc_/);
    expect(created.secret.length).toBeGreaterThanOrEqual(32);
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toMatch(/^scrypt\$/);
    expect(row.secretHash).not.toContain(created.secret);
    expect(row.createdById).toBe(actor.kind === "user" ? actor.id : null);
    const caller = await authenticateApiClient(basic(created.clientId, created.secret));
    expect(caller).toMatchObject({ id: created.id, orgId: org.id, scopes: ["programs:read"] });
  });

  it("binds to one of the org's active tills and refuses another org's or an inactive till", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    const till = await createTill(org.id);
    const inactive = await createTill(org.id, { active: false });
    const foreign = await createTill(other.org.id);

    const bound = await createApiClient({ orgId: org.id, actor, input: input({ tillId: String(till.id) }) });
    expect((await authenticateApiClient(basic(bound.clientId, bound.secret)))?.tillCode).toBe(till.code);
    for (const tillId of [inactive.id, foreign.id]) {
      await expect(createApiClient({ orgId: org.id, actor, input: input({ tillId: String(tillId) }) })).rejects.toMatchObject({
        kind: "INVALID",
        field: "tillId",
      });
    }
    expect((await listActiveTills({ orgId: org.id })).map((t) => t.code)).toEqual([till.code]);
  });

  it("audits the create without the secret or its hash", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const created = await createApiClient({ orgId: org.id, actor, input: input({ scopes: ["points:write", "groups:write"] }) });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "apiClient.create" } });
    expect(entry).toMatchObject({ actorType: "USER", actorLabel: actor.label, entityType: "ApiClient", entityId: String(created.id) });
    expect(entry.after).toMatchObject({ name: "Web shop", clientId: created.clientId, scopes: ["points:write", "groups:write"] });
    const text = JSON.stringify(entry);
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain(row.secretHash);
  });
});

describe("revokeApiClient", () => {
  it("stops the client authenticating at once, and audits it", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const created = await createApiClient({ orgId: org.id, actor, input: input() });
    const authorization = basic(created.clientId, created.secret);
    expect(await authenticateApiClient(authorization)).not.toBeNull();

    await revokeApiClient({ orgId: org.id, actor, id: created.id });
    expect(await authenticateApiClient(authorization)).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "apiClient.revoke" } });
    expect(entry.entityId).toBe(String(created.id));
    expect(new Date((entry.after as { revokedAt: string }).revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses a second revoke and another org's client", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    const mine = await createApiClient({ orgId: org.id, actor, input: input() });
    const theirs = await createApiClient({ orgId: other.org.id, actor: await adminOf(other.org.id), input: input() });
    await revokeApiClient({ orgId: org.id, actor, id: mine.id });
    await expect(revokeApiClient({ orgId: org.id, actor, id: mine.id })).rejects.toMatchObject({ kind: "CONFLICT" });
    await expect(revokeApiClient({ orgId: org.id, actor, id: theirs.id })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    expect(await authenticateApiClient(basic(theirs.clientId, theirs.secret))).not.toBeNull();
  });
});

describe("listApiClients", () => {
  it("lists only the org's clients, active before revoked, never a secret hash", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    const old = await createApiClient({ orgId: org.id, actor, input: input({ name: "Old POS" }) });
    await createApiClient({ orgId: org.id, actor, input: input({ name: "New POS" }) });
    await createApiClient({ orgId: other.org.id, actor: await adminOf(other.org.id), input: input({ name: "Rival POS" }) });
    await revokeApiClient({ orgId: org.id, actor, id: old.id });

    const { rows } = await listApiClients({ orgId: org.id });
    expect(rows.map((r) => r.name)).toEqual(["New POS", "Old POS"]);
    expect(rows[1]?.revokedAt).toBeInstanceOf(Date);
    expect(rows[0]?.lastUsedAt).toBeNull();
    expect(Object.keys(rows[0] ?? {})).not.toContain("secretHash");
  });
});

// The API itself, through a real route handler: what a revoked client's caller sees.
describe("GET /v2/programs with a console-created client", () => {
  it("answers 200 with the new secret, 401 without credentials and 401 once revoked", async () => {
    const { org, defaultProgram } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    const created = await createApiClient({ orgId: org.id, actor, input: input() });
    const authorization = basic(created.clientId, created.secret);

    expect((await callRoute(listProgramsRoute, "/api/v2/programs")).status).toBe(401);
    const ok = await callRoute(listProgramsRoute, "/api/v2/programs", { headers: { authorization } });
    expect(ok.status).toBe(200);
    const names = (ok.body as { data: { name: string }[] }).data.map((p) => p.name);
    expect(names).toEqual([defaultProgram.name]);
    expect(names).not.toContain(other.defaultProgram.name);

    await revokeApiClient({ orgId: org.id, actor, id: created.id });
    const revoked = await callRoute(listProgramsRoute, "/api/v2/programs", { headers: { authorization } });
    expect(revoked.status).toBe(401);
  });

  it("answers 403 for a client created without the route's scope", async () => {
    const { org } = await createOrg();
    const created = await createApiClient({ orgId: org.id, actor: await adminOf(org.id), input: input({ scopes: ["points:write"] }) });
    const res = await callRoute(listProgramsRoute, "/api/v2/programs", { headers: { authorization: basic(created.clientId, created.secret) } });
    expect(res.status).toBe(403);
  });
});
