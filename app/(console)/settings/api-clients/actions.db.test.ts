import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { listApiClients } from "@/lib/org/api-clients";
import { createOrg, createUser } from "@/lib/testing/factories";

// Actions are reachable by direct POST whatever the page hides: only the role matrix stops a
// program manager. The session is the one thing faked (no browser); the rest runs for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { createApiClientAction, revokeApiClientAction } = await import("./actions");

async function signIn(role: Role, orgId?: number) {
  const id = orgId ?? (await createOrg()).org.id;
  const { user } = await createUser(id, role);
  session.user = { id: user.id, orgId: id, orgName: "Org", email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  return id;
}

beforeEach(() => {
  session.user = null;
});

describe("API client actions", () => {
  it("refuse a program manager, a viewer and a signed-out caller, creating and revoking nothing", async () => {
    const orgId = await signIn("ADMIN");
    const created = await createApiClientAction({ name: "POS", tillId: "", scopes: ["programs:read"] });
    if (!created.ok) throw new Error(created.error.message);
    for (const role of ["PROGRAM_MANAGER", "VIEWER"] as const) {
      await signIn(role, orgId);
      expect(await createApiClientAction({ name: "Hack", tillId: "", scopes: ["points:write"] })).toEqual({
        ok: false,
        error: { code: "FORBIDDEN", message: "Your role does not allow this." },
      });
      expect(await revokeApiClientAction({ id: created.data.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    session.user = null;
    expect(await revokeApiClientAction({ id: created.data.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect((await listApiClients({ orgId })).rows.map((c) => [c.name, c.revokedAt])).toEqual([["POS", null]]);
  });

  it("give an admin field errors for bad input and never reach another org's client", async () => {
    const otherOrg = await signIn("ADMIN");
    const theirs = await createApiClientAction({ name: "Rival POS", tillId: "", scopes: ["programs:read"] });
    if (!theirs.ok) throw new Error(theirs.error.message);

    await signIn("ADMIN");
    expect(await createApiClientAction({ name: "", tillId: "", scopes: [] })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { name: expect.stringMatching(/Enter a name/), scopes: expect.stringMatching(/at least one scope/) } },
    });
    expect(await revokeApiClientAction({ id: theirs.data.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await listApiClients({ orgId: otherOrg })).rows[0]?.revokedAt).toBeNull();
  });

  it("create a client bound to no till, from what the form sends (its parsed values: tillId null)", async () => {
    const orgId = await signIn("ADMIN");
    const created = await createApiClientAction({ name: "Web shop", tillId: null, scopes: ["programs:read"] });
    expect(created).toMatchObject({ ok: true, data: { name: "Web shop" } });
    expect((await listApiClients({ orgId })).rows.map((c) => [c.name, c.till])).toEqual([["Web shop", null]]);
  });
});
