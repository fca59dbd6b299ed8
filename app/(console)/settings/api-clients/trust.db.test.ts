import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { listApiClients } from "@/lib/org/api-clients";
import { listAuditEntries } from "@/lib/org/audit-log";
import { createApiClient, createOrg, createUser } from "@/lib/testing/factories";

// The "no OTP for transfers" mark: only an admin sets it, and every change is audited. The session
// is the one thing faked (no browser); the rest runs for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { setApiClientTrustAction } = await import("./actions");

async function signIn(role: Role, orgId: number) {
  const { user } = await createUser(orgId, role);
  session.user = { id: user.id, orgId, orgName: "Org", email: user.email, name: user.name, role };
}

beforeEach(() => {
  session.user = null;
});

describe("setApiClientTrustAction", () => {
  it("lets an admin mark a client as trusted for transfers, audited, and refuses the other roles", async () => {
    const { org } = await createOrg();
    const { client } = await createApiClient(org.id);
    for (const role of ["PROGRAM_MANAGER", "MEMBER_CARE", "VIEWER"] as const) {
      await signIn(role, org.id);
      expect(await setApiClientTrustAction({ id: client.id, trusted: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    await signIn("ADMIN", org.id);
    expect(await setApiClientTrustAction({ id: client.id, trusted: true })).toMatchObject({ ok: true });
    expect((await listApiClients({ orgId: org.id })).rows.map((c) => c.trustedForTransfers)).toEqual([true]);
    const audit = await listAuditEntries({ orgId: org.id, filters: {}, page: 1 });
    expect(audit.rows[0]).toMatchObject({ action: "apiClient.trustForTransfers", entityId: String(client.id), before: { trustedForTransfers: false }, after: { trustedForTransfers: true } });
    const other = await createOrg();
    const foreign = await createApiClient(other.org.id);
    expect(await setApiClientTrustAction({ id: foreign.client.id, trusted: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
