import "server-only";
import { encode } from "next-auth/jwt";
import { authSecret, env } from "@/lib/env";
import { secureCookies } from "./cookie-policy";
import { SESSION_MAX_AGE, sessionClaims } from "./options";
import type { Role } from "./permissions";

type CookieUser = { id: number; orgId: number; role: Role; name: string; email: string; sessionVersion: number };

/**
 * The session cookie next-auth reads (next-auth/jwt `encode`, same secret, name and claims), for
 * the two places that issue one outside next-auth: the sign-in form's endpoint, and a password
 * change (which keeps the changer signed in at the new session version while the others end).
 */
export async function sessionCookie(user: CookieUser) {
  const value = await encode({ token: { name: user.name, email: user.email, ...sessionClaims(user) }, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  const secure = secureCookies(env());
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value,
    options: { path: "/", httpOnly: true, sameSite: "lax" as const, maxAge: SESSION_MAX_AGE, secure },
  };
}

/** The same cookie as a Set-Cookie header value, for a Response built by hand. */
export function setCookieHeader({ name, value, options }: Awaited<ReturnType<typeof sessionCookie>>): string {
  return [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${options.maxAge}`, ...(options.secure ? ["Secure"] : [])].join("; ");
}
