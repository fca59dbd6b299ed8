import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "./permissions";
import { verifySecretOrStandIn } from "./password";

export type SessionUser = { id: number; orgId: number; orgName: string; email: string; name: string; role: Role };

/** Checks a console sign-in; null for an unknown email, a wrong password or a deactivated user. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, orgId: true, email: true, name: true, role: true, active: true, passwordHash: true, org: { select: { name: true } } },
  });
  const ok = await verifySecretOrStandIn(password, user?.passwordHash);
  if (!user || !user.active || !ok) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, orgId: user.orgId, orgName: user.org.name, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user as the database knows them now: role changes and deactivation apply at once. */
export async function loadSessionUser(userId: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, orgId: true, email: true, name: true, role: true, active: true, org: { select: { name: true } } },
  });
  if (!user || !user.active) return null;
  return { id: user.id, orgId: user.orgId, orgName: user.org.name, email: user.email, name: user.name, role: user.role };
}
