import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { createOrg, createUser } from "@/lib/testing/factories";
import { changeOwnPassword, createConsoleUser, resetUserPassword, WRONG_CURRENT_PASSWORD } from "./users";
import { changePasswordSchema, createConsoleUserSchema } from "./users-schema";

// Issue 7, defect 4: a temporary password is only good for choosing one's own, and a change ends
// the user's other sessions.
async function orgWithAdmin() {
  const { org } = await createOrg();
  const { user } = await createUser(org.id, "ADMIN");
  const actor: Actor = { kind: "user", id: user.id, label: user.email };
  return { orgId: org.id, admin: user, actor };
}

async function newConsoleUser() {
  const { orgId, actor } = await orgWithAdmin();
  const input = createConsoleUserSchema.parse({ name: "Dana Doe", email: `dana-${Date.now()}-${Math.random()}@shop.test`, role: "VIEWER" });
  const created = await createConsoleUser({ orgId, actor, input });
  const self: Actor = { kind: "user", id: created.id, label: created.email };
  return { orgId, actor, created, self };
}

const change = (currentPassword: string, newPassword: string) =>
  changePasswordSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword });

describe("temporary passwords", () => {
  it("a user an admin creates must choose their own password; choosing it clears the flag and ends the old session", async () => {
    const { orgId, created, self } = await newConsoleUser();
    const signedIn = await verifyCredentials(created.email, created.temporaryPassword);
    expect(signedIn).toMatchObject({ mustChangePassword: true, sessionVersion: 0 });

    const { sessionVersion } = await changeOwnPassword({ orgId, actor: self, userId: created.id, input: change(created.temporaryPassword, "my own long password") });
    expect(sessionVersion).toBe(1);
    expect(await verifyCredentials(created.email, created.temporaryPassword)).toBeNull();
    expect(await verifyCredentials(created.email, "my own long password")).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
    // The cookie issued at version 0 (any other browser) is no session any more; the new one is.
    expect(await loadSessionUser(created.id, 0)).toBeNull();
    expect(await loadSessionUser(created.id, 1)).toMatchObject({ id: created.id, mustChangePassword: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong current password on its field, changing nothing", async () => {
    const { orgId, created, self } = await newConsoleUser();
    await expect(
      changeOwnPassword({ orgId, actor: self, userId: created.id, input: change("not-the-password", "my own long password") }),
    ).rejects.toMatchObject({ kind: "INVALID", field: "currentPassword", message: WRONG_CURRENT_PASSWORD });
    expect(await verifyCredentials(created.email, created.temporaryPassword)).toMatchObject({ mustChangePassword: true, sessionVersion: 0 });
    expect(await db.auditEntry.count({ where: { orgId, action: "user.password_change" } })).toBe(0);
  });

  it("audits a change and a reset without the password or its hash", async () => {
    const { orgId, actor, created, self } = await newConsoleUser();
    await changeOwnPassword({ orgId, actor: self, userId: created.id, input: change(created.temporaryPassword, "my own long password") });
    const { temporaryPassword } = await resetUserPassword({ orgId, actor, userId: created.id });
    const entries = await db.auditEntry.findMany({ where: { orgId, entityType: "User", entityId: String(created.id), action: { startsWith: "user.password" } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["user.password_change", created.id, { email: created.email, mustChangePassword: false }],
      ["user.password_reset", actor.kind === "user" ? actor.id : null, { email: created.email, mustChangePassword: true }],
    ]);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    for (const secret of ["my own long password", temporaryPassword, passwordHash]) expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it("an admin's reset gives a new temporary password and ends the user's sessions", async () => {
    const { orgId, actor, created, self } = await newConsoleUser();
    await changeOwnPassword({ orgId, actor: self, userId: created.id, input: change(created.temporaryPassword, "my own long password") });
    const reset = await resetUserPassword({ orgId, actor, userId: created.id });
    expect(await loadSessionUser(created.id, 1)).toBeNull();
    expect(await verifyCredentials(created.email, "my own long password")).toBeNull();
    expect(await verifyCredentials(created.email, reset.temporaryPassword)).toMatchObject({ mustChangePassword: true, sessionVersion: 2 });
  });

  it("a reset is for other users of the admin's own org", async () => {
    const { orgId, actor, admin } = await orgWithAdmin();
    await expect(resetUserPassword({ orgId, actor, userId: admin.id })).rejects.toMatchObject({ kind: "INVALID" });
    const other = await orgWithAdmin();
    await expect(resetUserPassword({ orgId, actor, userId: other.admin.id })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    expect(await verifyCredentials(other.admin.email, "correct-horse")).toMatchObject({ sessionVersion: 0 });
  });

  it("a change that lost to another change meanwhile is refused, not silently applied", async () => {
    const { orgId, created, self } = await newConsoleUser();
    const stale = change(created.temporaryPassword, "first new password");
    const [a, b] = await Promise.allSettled([
      changeOwnPassword({ orgId, actor: self, userId: created.id, input: stale }),
      changeOwnPassword({ orgId, actor: self, userId: created.id, input: change(created.temporaryPassword, "second new password") }),
    ]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const rejected = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ kind: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).sessionVersion).toBe(1);
  });
});

describe("the password form's rules", () => {
  it("asks for 12 characters, the same twice, and not the current one", () => {
    const issues = (v: Record<string, string>) =>
      changePasswordSchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues({ currentPassword: "", newPassword: "short", confirmPassword: "short" })).toEqual([
      ["currentPassword", "Enter your current password."],
      ["newPassword", "Use at least 12 characters."],
    ]);
    expect(issues({ currentPassword: "old password!", newPassword: "a long new password", confirmPassword: "another one" })).toEqual([
      ["confirmPassword", "The two new passwords are not the same."],
    ]);
    expect(issues({ currentPassword: "same long password", newPassword: "same long password", confirmPassword: "same long password" })).toEqual([
      ["newPassword", "Choose a password other than the current one."],
    ]);
  });
});
