import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { authenticateApiClient } from "./api-client";

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
