import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { listConsoleUsers } from "@/lib/org/users";
import { createOrg, createUser } from "@/lib/testing/factories";

// Only admins manage users, by direct POST too. The session is faked; the rest runs for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { changeUserRoleAction, createConsoleUserAction, resetUserPasswordAction, setUserActiveAction } = await import("./actions");

async function signIn(role: Role, orgId?: number) {
  const id = orgId ?? (await createOrg()).org.id;
  const { user } = await createUser(id, role);
  session.user = { id: user.id, orgId: id, orgName: "Org", email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  return { orgId: id, userId: user.id };
}

beforeEach(() => {
  session.user = null;
});

describe("user actions", () => {
  it("refuse every role but admin, changing nothing", async () => {
    const { orgId } = await signIn("ADMIN");
    const { user: target } = await createUser(orgId, "VIEWER");
    for (const role of ["PROGRAM_MANAGER", "MEMBER_CARE", "VIEWER"] as const) {
      await signIn(role, orgId);
      const results = await Promise.all([
        createConsoleUserAction({ name: "Hack", email: `hack-${role}@x.test`, role: "ADMIN" }),
        changeUserRoleAction({ userId: target.id, role: "ADMIN" }),
        setUserActiveAction({ userId: target.id, active: false }),
        resetUserPasswordAction({ userId: target.id }),
      ]);
      for (const result of results) expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
    }
    const { rows } = await listConsoleUsers({ orgId });
    expect(rows.find((u) => u.id === target.id)).toMatchObject({ role: "VIEWER", active: true });
    expect(rows.some((u) => u.email.startsWith("hack-"))).toBe(false);
  });

  it("put a taken email and a self-demotion on their fields for an admin", async () => {
    const { orgId, userId } = await signIn("ADMIN");
    await createUser(orgId, "ADMIN");
    const email = session.user?.email ?? "";
    expect(await createConsoleUserAction({ name: "Copy", email, role: "VIEWER" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fieldErrors: { email: expect.stringMatching(/already exists/) } },
    });
    expect(await changeUserRoleAction({ userId, role: "VIEWER" })).toMatchObject({
      ok: false,
      error: { code: "INVALID", fieldErrors: { role: expect.stringMatching(/your own admin role/) } },
    });
    expect(await setUserActiveAction({ userId, active: false })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/deactivate yourself/) } });
    const created = await createConsoleUserAction({ name: "New", email: "new.person@x.test", role: "MEMBER_CARE" });
    expect(created).toMatchObject({ ok: true, data: { email: "new.person@x.test", temporaryPassword: expect.any(String) } });
  });
});
