import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "./permissions";
import { verifySecretOrStandIn } from "./password";

export type SessionUser = {
  id: number;
  orgId: number;
  orgName: string;
  email: string;
  name: string;
  role: Role;
  /** A temporary password: the guards allow only setting a new one (lib/auth/session.ts, action.ts). */
  mustChangePassword: boolean;
  /** Bumped by every password change; a session cookie issued at an older version has ended. */
  sessionVersion: number;
};

const SESSION_USER_SELECT = {
  id: true,
  orgId: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  sessionVersion: true,
  org: { select: { name: true } },
} as const;

function toSessionUser(user: { id: number; orgId: number; email: string; name: string; role: Role; mustChangePassword: boolean; sessionVersion: number; org: { name: string } }): SessionUser {
  const { id, orgId, email, name, role, mustChangePassword, sessionVersion } = user;
  return { id, orgId, orgName: user.org.name, email, name, role, mustChangePassword, sessionVersion };
}

/** Checks a console sign-in; null for an unknown email, a wrong password or a deactivated user. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { ...SESSION_USER_SELECT, passwordHash: true } });
  const ok = await verifySecretOrStandIn(password, user?.passwordHash);
  if (!user || !user.active || !ok) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return toSessionUser(user);
}

/**
 * The signed-in user as the database knows them now: role changes and deactivation apply at once,
 * and a session issued before the user's last password change (an older `sessionVersion`) is none.
 */
export async function loadSessionUser(userId: number, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: SESSION_USER_SELECT });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return toSessionUser(user);
}
