import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashSecret, verifySecret } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { mapDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, type Page } from "@/lib/pagination";
import { recordAudit } from "./audit";
import { userChangeRefusal, type UserChange } from "./users-rules";
import type { changePasswordSchema, createConsoleUserSchema } from "./users-schema";

export type ConsoleUserRow = { id: number; name: string; email: string; role: Role; active: boolean; mustChangePassword: boolean; lastLoginAt: Date | null };

/** The org's console users, active first then by name, one page at a time (a page past the end shows the last). */
export async function listConsoleUsers({ orgId, page = 1 }: { orgId: number; page?: number }): Promise<Page<ConsoleUserRow>> {
  const total = await db.user.count({ where: { orgId } });
  const current = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const rows = await db.user.findMany({
    where: { orgId },
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: skipFor(current),
    take: PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, active: true, mustChangePassword: true, lastLoginAt: true },
  });
  return pageOf(rows, total, current);
}

const EMAIL_TAKEN = "A console user with this email already exists. Emails are unique across all orgs.";

/**
 * Creates a console user with a generated temporary password, returned once and stored only as a
 * hash. We generate it rather than let the admin type one so that no admin-chosen (and reused)
 * password ends up in someone else's account; and it is only good for choosing their own at the
 * first sign-in (mustChangePassword).
 */
export async function createConsoleUser({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof createConsoleUserSchema>;
}): Promise<{ id: number; email: string; temporaryPassword: string }> {
  const { temporaryPassword, passwordHash } = await newTemporaryPassword();
  // Emails are unique across the whole system (sign-in looks users up by email alone).
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", EMAIL_TAKEN, { field: "email" });
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { orgId, name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: true },
        select: { id: true, name: true, email: true, role: true, active: true, mustChangePassword: true },
      });
      await recordAudit(tx, { orgId, actor, action: "user.create", entityType: "User", entityId: created.id, after: created });
      return created;
    });
    return { id: user.id, email: user.email, temporaryPassword };
  } catch (error) {
    // A concurrent create of the same email loses on the unique index.
    throw mapDbError(error, { unique: EMAIL_TAKEN, field: "email" });
  }
}

async function newTemporaryPassword(): Promise<{ temporaryPassword: string; passwordHash: string }> {
  const temporaryPassword = randomBytes(12).toString("base64url");
  return { temporaryPassword, passwordHash: await hashSecret(temporaryPassword) };
}

/**
 * An admin gives another user of the org a new temporary password (forgotten, or compromised):
 * their sessions end, and at the next sign-in they choose their own. Returned once, like at create.
 */
export async function resetUserPassword({ orgId, actor, userId }: { orgId: number; actor: Actor; userId: number }): Promise<{ email: string; temporaryPassword: string }> {
  if (actor.kind === "user" && actor.id === userId) {
    throw new AppError("INVALID", "To change your own password, use Change password in the menu under your name.");
  }
  const target = await db.user.findFirst({ where: { id: userId, orgId }, select: { id: true, email: true, mustChangePassword: true } });
  if (!target) throw new AppError("NOT_FOUND", "That user does not exist in this org.");
  const { temporaryPassword, passwordHash } = await newTemporaryPassword();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    // What changed, never the password or its hash.
    await recordAudit(tx, {
      orgId,
      actor,
      action: "user.password_reset",
      entityType: "User",
      entityId: target.id,
      before: { email: target.email, mustChangePassword: target.mustChangePassword },
      after: { email: target.email, mustChangePassword: true },
    });
  });
  return { email: target.email, temporaryPassword };
}

export const WRONG_CURRENT_PASSWORD = "Your current password is not right, so nothing was changed.";

/**
 * A user replaces their own password (the temporary one at first sign-in, or any later). The
 * current password is required even when signed in: a session left open is not the password.
 * Every other session of the user ends (sessionVersion + 1); the caller re-issues its own cookie
 * at the returned version.
 */
export async function changeOwnPassword({
  orgId,
  actor,
  userId,
  input,
}: {
  orgId: number;
  actor: Actor;
  userId: number;
  input: z.output<typeof changePasswordSchema>;
}): Promise<{ sessionVersion: number }> {
  const user = await db.user.findFirst({
    where: { id: userId, orgId, active: true },
    select: { id: true, email: true, passwordHash: true, mustChangePassword: true, sessionVersion: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Your account is no longer active. Sign in again.");
  if (!(await verifySecret(input.currentPassword, user.passwordHash))) {
    throw new AppError("INVALID", WRONG_CURRENT_PASSWORD, { field: "currentPassword" });
  }
  const passwordHash = await hashSecret(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the password just checked: a change or reset that won meanwhile (another
    // session, an admin) is not silently overwritten.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, sessionVersion: user.sessionVersion },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "Your password was changed elsewhere a moment ago. Sign in again with the new one.");
    await recordAudit(tx, {
      orgId,
      actor,
      action: "user.password_change",
      entityType: "User",
      entityId: user.id,
      before: { email: user.email, mustChangePassword: user.mustChangePassword },
      after: { email: user.email, mustChangePassword: false },
    });
    return { sessionVersion: user.sessionVersion + 1 };
  });
}

export async function changeUserRole(args: { orgId: number; actor: Actor; userId: number; role: Role }): Promise<void> {
  await applyUserChange({ ...args, change: { kind: "role", role: args.role } });
}

export async function setUserActive(args: { orgId: number; actor: Actor; userId: number; active: boolean }): Promise<void> {
  await applyUserChange({ ...args, change: { kind: "active", active: args.active } });
}

async function applyUserChange({
  orgId,
  actor,
  userId,
  change,
}: {
  orgId: number;
  actor: Actor;
  userId: number;
  change: UserChange;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    // Lock the org's admins so two admins demoting each other at once cannot leave none.
    await tx.$queryRaw`SELECT id FROM "User" WHERE "orgId" = ${orgId} AND role = 'ADMIN' FOR UPDATE`;
    const target = await tx.user.findFirst({ where: { id: userId, orgId }, select: { id: true, name: true, email: true, role: true, active: true } });
    if (!target) throw new AppError("NOT_FOUND", "That user does not exist in this org.");
    const otherActiveAdmins = await tx.user.count({ where: { orgId, role: "ADMIN", active: true, id: { not: target.id } } });
    const refusal = userChangeRefusal({ actorId: actor.kind === "user" ? actor.id : -1, target, change, otherActiveAdmins });
    if (refusal) throw new AppError("INVALID", refusal, change.kind === "role" ? { field: "role" } : {});

    const data: Prisma.UserUpdateInput = change.kind === "role" ? { role: change.role } : { active: change.active };
    const unchanged = change.kind === "role" ? target.role === change.role : target.active === change.active;
    if (unchanged) return;
    await tx.user.update({ where: { id: target.id }, data });
    // Before/after carry only what changed, plus who; never the password hash.
    const action = change.kind === "role" ? "user.role" : change.active ? "user.reactivate" : "user.deactivate";
    const before = change.kind === "role" ? { email: target.email, role: target.role } : { email: target.email, active: target.active };
    const after = change.kind === "role" ? { email: target.email, role: change.role } : { email: target.email, active: change.active };
    await recordAudit(tx, { orgId, actor, action, entityType: "User", entityId: target.id, before, after });
  });
}
