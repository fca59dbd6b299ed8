import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./options";
import { FIRST_PASSWORD_PATH } from "./password-paths";
import { can, type Permission } from "./permissions";
import { loadSessionUser, type SessionUser } from "./users";

/**
 * The signed-in console user, or null. Cached for the request: the console layout and the page
 * both ask, and the answer (one session decode, one user query) is the same. A cookie issued
 * before the user's last password change is no session (its version is older).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = Number(session?.userId);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadSessionUser(id, Number(session?.sessionVersion ?? 0));
});

/**
 * For pages: signed-out visitors go to /login and come back to `path` after signing in; a user
 * still on a temporary password goes to the page that replaces it (and nowhere else); a role
 * without `permission` sees the 403 page.
 */
export async function requirePageUser(path: string, permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.mustChangePassword && path !== FIRST_PASSWORD_PATH) redirect(firstPasswordUrl(path));
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

export function firstPasswordUrl(callbackUrl: string): string {
  return `${FIRST_PASSWORD_PATH}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
