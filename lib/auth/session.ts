import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { loadSessionUser, type SessionUser } from "./users";

/**
 * The signed-in console user, or null. Cached for the request: the console layout and the page
 * both ask, and the answer (one session decode, one user query) is the same.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = Number(session?.userId);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadSessionUser(id);
});

/**
 * For pages: signed-out visitors go to /login and come back to `path` after signing in; a role
 * without `permission` sees the 403 page.
 */
export async function requirePageUser(path: string, permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}
