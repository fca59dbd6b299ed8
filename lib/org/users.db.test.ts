import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { createOrg, createUser } from "@/lib/testing/factories";
import { changeUserRole, createConsoleUser, listConsoleUsers, setUserActive } from "./users";
import { createConsoleUserSchema } from "./users-schema";

async function orgWithAdmin() {
  const { org } = await createOrg();
  const { user } = await createUser(org.id, "ADMIN");
  const actor: Actor = { kind: "user", id: user.id, label: user.email };
  return { org, admin: user, actor };
}

const newUser = (email: string, role: "ADMIN" | "VIEWER" | "PROGRAM_MANAGER" = "VIEWER") =>
  createConsoleUserSchema.parse({ name: "Dana Doe", email, role });

describe("createConsoleUser", () => {
  it("creates a user who can sign in with the temporary password, audited without the hash", async () => {
    const { org, actor } = await orgWithAdmin();
    const email = `dana-${Date.now()}@shop.test`;
    const created = await createConsoleUser({ orgId: org.id, actor, input: newUser(email.toUpperCase(), "PROGRAM_MANAGER") });
    expect(created.email).toBe(email);
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    expect(await verifyCredentials(email, created.temporaryPassword)).toMatchObject({ id: created.id, orgId: org.id, role: "PROGRAM_MANAGER" });

    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "user.create" } });
    expect(entry.after).toMatchObject({ email, role: "PROGRAM_MANAGER", active: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(entry)).not.toContain(row.passwordHash);
    expect(JSON.stringify(entry)).not.toContain(created.temporaryPassword);
  });

  it("refuses an email already used in any org, on the email field", async () => {
    const { org, actor } = await orgWithAdmin();
    const other = await orgWithAdmin();
    await expect(createConsoleUser({ orgId: org.id, actor, input: newUser(other.admin.email) })).rejects.toMatchObject({
      kind: "CONFLICT",
      field: "email",
      message: expect.stringMatching(/already exists/),
    });
  });
});

describe("changeUserRole", () => {
  it("changes another user's role, applied to their session at once, and audits before/after", async () => {
    const { org, actor } = await orgWithAdmin();
    const { user } = await createUser(org.id, "VIEWER");
    await changeUserRole({ orgId: org.id, actor, userId: user.id, role: "PROGRAM_MANAGER" });
    expect((await loadSessionUser(user.id, 0))?.role).toBe("PROGRAM_MANAGER");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "user.role" } });
    expect(entry.before).toEqual({ email: user.email, role: "VIEWER" });
    expect(entry.after).toEqual({ email: user.email, role: "PROGRAM_MANAGER" });
  });

  it("refuses an admin demoting themselves", async () => {
    const { org, admin, actor } = await orgWithAdmin();
    await createUser(org.id, "ADMIN");
    await expect(changeUserRole({ orgId: org.id, actor, userId: admin.id, role: "VIEWER" })).rejects.toMatchObject({
      kind: "INVALID",
      message: expect.stringMatching(/your own admin role/),
    });
  });

  it("keeps at least one active admin in the org", async () => {
    const { org, actor } = await orgWithAdmin();
    // The acting admin deactivated by another admin, leaving one active admin: it cannot be demoted.
    const { user: last } = await createUser(org.id, "ADMIN");
    const lastActor: Actor = { kind: "user", id: last.id, label: last.email };
    await setUserActive({ orgId: org.id, actor: lastActor, userId: actor.kind === "user" ? actor.id : 0, active: false });
    const { user: manager } = await createUser(org.id, "PROGRAM_MANAGER");
    await expect(
      changeUserRole({ orgId: org.id, actor: { kind: "user", id: manager.id, label: manager.email }, userId: last.id, role: "VIEWER" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/at least one active admin/) });
    await expect(setUserActive({ orgId: org.id, actor: { kind: "system", label: "system" }, userId: last.id, active: false })).rejects.toMatchObject({
      message: expect.stringMatching(/at least one active admin/),
    });
  });

  it("never touches another org's user", async () => {
    const { org, actor } = await orgWithAdmin();
    const other = await orgWithAdmin();
    const { user } = await createUser(other.org.id, "VIEWER");
    await expect(changeUserRole({ orgId: org.id, actor, userId: user.id, role: "ADMIN" })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    await expect(setUserActive({ orgId: org.id, actor, userId: user.id, active: false })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "VIEWER", active: true });
  });
});

describe("setUserActive", () => {
  it("deactivation stops sign-in and the session; reactivation restores them; both audited", async () => {
    const { org, actor } = await orgWithAdmin();
    const { user, password } = await createUser(org.id, "MEMBER_CARE");
    await setUserActive({ orgId: org.id, actor, userId: user.id, active: false });
    expect(await verifyCredentials(user.email, password)).toBeNull();
    expect(await loadSessionUser(user.id, 0)).toBeNull();

    await setUserActive({ orgId: org.id, actor, userId: user.id, active: true });
    expect(await verifyCredentials(user.email, password)).not.toBeNull();
    const actions = (await db.auditEntry.findMany({ where: { orgId: org.id, entityId: String(user.id) }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("refuses an admin deactivating themselves", async () => {
    const { org, admin, actor } = await orgWithAdmin();
    await createUser(org.id, "ADMIN");
    await expect(setUserActive({ orgId: org.id, actor, userId: admin.id, active: false })).rejects.toMatchObject({
      message: expect.stringMatching(/cannot deactivate yourself/),
    });
  });

  it("records nothing when nothing changes", async () => {
    const { org, actor } = await orgWithAdmin();
    const { user } = await createUser(org.id, "VIEWER");
    await setUserActive({ orgId: org.id, actor, userId: user.id, active: true });
    expect(await db.auditEntry.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("listConsoleUsers", () => {
  it("lists only the org's users, active first", async () => {
    const { org, actor } = await orgWithAdmin();
    const other = await orgWithAdmin();
    const { user } = await createUser(org.id, "VIEWER");
    await setUserActive({ orgId: org.id, actor, userId: user.id, active: false });
    const { rows } = await listConsoleUsers({ orgId: org.id });
    expect(rows.map((r) => r.active)).toEqual([true, false]);
    expect(rows.map((r) => r.email)).not.toContain(other.admin.email);
  });

  it("pages 20 at a time, and a page past the end shows the last page", async () => {
    const { org } = await orgWithAdmin();
    await db.user.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({
        orgId: org.id, role: "VIEWER" as const, name: `User ${String(i).padStart(2, "0")}`, email: `u${i}-${org.id}@paging.test`, passwordHash: "x",
      })),
    });
    const first = await listConsoleUsers({ orgId: org.id, page: 1 });
    expect(first).toMatchObject({ total: 22, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(20);
    const past = await listConsoleUsers({ orgId: org.id, page: 9 });
    expect(past.page).toBe(2);
    expect(past.rows).toHaveLength(2);
  });
});
