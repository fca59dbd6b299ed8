import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { basic, createApiClient, createOrg } from "@/lib/testing/factories";

// scrypt is watched, not replaced: the real hash runs, and the test counts the slow work done.
const scrypt = vi.hoisted(() => ({ fn: null as unknown as ReturnType<typeof vi.fn> }));
vi.mock("node:crypto", async (original) => {
  const real = await original<typeof import("node:crypto")>();
  scrypt.fn = vi.fn(real.scrypt);
  return { ...real, scrypt: scrypt.fn, default: { ...real, scrypt: scrypt.fn } };
});
const { authenticateApiClient } = await import("./api-client");

describe("authenticateApiClient", () => {
  it("resolves the org of a valid client and records when it was last used", async () => {
    const { org } = await createOrg();
    const { client, authorization } = await createApiClient(org.id);
    const caller = await authenticateApiClient(authorization);
    expect(caller).toMatchObject({ id: client.id, orgId: org.id });
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("stores only a hash of the secret", async () => {
    const { org } = await createOrg();
    const { client, secret } = await createApiClient(org.id);
    expect(client.secretHash).not.toContain(secret);
    expect(client.secretHash).toMatch(/^scrypt\$/);
  });

  it("refuses a revoked client even right after a successful call", async () => {
    const { org } = await createOrg();
    const { client, authorization } = await createApiClient(org.id);
    expect(await authenticateApiClient(authorization)).not.toBeNull();
    await db.apiClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiClient(authorization)).toBeNull();
  });
});

// Timing must not tell which client ids exist (no timed assertions: the same slow work is done).
describe("authenticateApiClient without a timing oracle", () => {
  it("runs one scrypt of the same cost for an unknown or revoked id as for a wrong secret", async () => {
    const { org } = await createOrg();
    const { client } = await createApiClient(org.id);
    const work = async (authorization: string) => {
      scrypt.fn.mockClear();
      expect(await authenticateApiClient(authorization)).toBeNull();
      return scrypt.fn.mock.calls.map((call) => ({ keyLength: call[2] as number, ...(call[3] as object) }));
    };
    const wrongSecret = await work(basic(client.clientId, "wrong-secret"));
    expect(wrongSecret).toEqual([expect.objectContaining({ N: 16384, r: 8, p: 1 })]);
    expect(await work(basic("no-such-client", "wrong-secret"))).toEqual(wrongSecret);
    await db.apiClient.update({ where: { id: client.id }, data: { revokedAt: new Date() } });
    expect(await work(basic(client.clientId, "wrong-secret"))).toEqual(wrongSecret);
  });
});
