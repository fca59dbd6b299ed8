import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { listApiClients } from "@/lib/org/api-clients";
import { listAuditEntries } from "@/lib/org/audit-log";
import { createApiClient, createOrg, createUser } from "@/lib/testing/factories";
import { testDb } from "@/lib/testing/db";

// The per-client rate limit setting: only an admin changes it, every change is audited. The
// session is the one thing faked (no browser); the rest runs for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { setApiClientRateLimitAction } = await import("./actions");

async function signIn(role: Role, orgId: number) {
  const { user } = await createUser(orgId, role);
  session.user = { id: user.id, orgId, orgName: "Org", email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
}

beforeEach(() => {
  session.user = null;
});

describe("setApiClientRateLimitAction", () => {
  it("lets an admin set a client's requests per minute, audited, and refuses the other roles and other orgs' clients", async () => {
    const { org } = await createOrg();
    const { client } = await createApiClient(org.id, { rateLimitPerMinute: 600 });
    for (const role of ["PROGRAM_MANAGER", "MEMBER_CARE", "VIEWER"] as const) {
      await signIn(role, org.id);
      expect(await setApiClientRateLimitAction({ id: client.id, rateLimitPerMinute: 5 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    await signIn("ADMIN", org.id);
    expect(await setApiClientRateLimitAction({ id: client.id, rateLimitPerMinute: "120" })).toMatchObject({ ok: true, data: { rateLimitPerMinute: 120 } });
    expect((await listApiClients({ orgId: org.id })).rows.map((c) => c.rateLimitPerMinute)).toEqual([120]);
    const audit = await listAuditEntries({ orgId: org.id, filters: {}, page: 1 });
    expect(audit.rows[0]).toMatchObject({ action: "apiClient.rateLimit", entityId: String(client.id), before: { rateLimitPerMinute: 600 }, after: { rateLimitPerMinute: 120 } });

    const other = await createOrg();
    const foreign = await createApiClient(other.org.id, { rateLimitPerMinute: 600 });
    expect(await setApiClientRateLimitAction({ id: foreign.client.id, rateLimitPerMinute: 1 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await testDb.apiClient.findUniqueOrThrow({ where: { id: foreign.client.id } })).rateLimitPerMinute).toBe(600);
  });

  it("refuses a negative, fractional or absurd limit on its field, and accepts 0 as no limit", async () => {
    const { org } = await createOrg();
    const { client } = await createApiClient(org.id, { rateLimitPerMinute: 600 });
    await signIn("ADMIN", org.id);
    for (const bad of [-1, 1.5, "many", 10_000_001]) {
      const result = await setApiClientRateLimitAction({ id: client.id, rateLimitPerMinute: bad });
      expect(result).toMatchObject({ ok: false, error: { fieldErrors: { rateLimitPerMinute: expect.any(String) } } });
    }
    expect(await setApiClientRateLimitAction({ id: client.id, rateLimitPerMinute: 0 })).toMatchObject({ ok: true });
    expect((await testDb.apiClient.findUniqueOrThrow({ where: { id: client.id } })).rateLimitPerMinute).toBe(0);
  });
});
