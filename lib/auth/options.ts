import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "@/lib/env";
import type { Role } from "./permissions";
import { clientAddress, throttledSignIn } from "./sign-in-throttle";

export const credentialsSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

export const SESSION_MAX_AGE = 8 * 60 * 60;

/** What the session cookie carries besides name and email (the sign-in form's endpoint writes it too). */
export function sessionClaims(user: { id: number | string; orgId?: number; role?: Role; sessionVersion?: number }) {
  // sv: the user's session version when the cookie was issued; a password change bumps it and
  // so ends every cookie issued before (lib/auth/users.ts loadSessionUser compares them).
  return { sub: String(user.id), orgId: user.orgId, role: user.role, sv: user.sessionVersion ?? 0 };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // next-auth's own sign-in endpoint (the console's form posts to /login/submit instead):
      // throttled the same way, and a lock sends the browser to /login?error=locked.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const headers = new Headers();
        for (const [name, value] of Object.entries(request?.headers ?? {})) if (typeof value === "string") headers.set(name, value);
        const outcome = await throttledSignIn(parsed.data.email, parsed.data.password, clientAddress(headers));
        if (!outcome.ok && outcome.locked) throw new Error("locked");
        const user = outcome.ok ? outcome.user : null;
        return user
          ? { id: String(user.id), email: user.email, name: user.name, orgId: user.orgId, role: user.role, sessionVersion: user.sessionVersion }
          : null;
      },
    }),
  ],
  callbacks: {
    // The session carries user id, org id and role for the browser's benefit. The server never
    // trusts them: lib/auth/session.ts reloads the user on every request, so a role change or a
    // deactivation applies at once, and a cookie whose session version (sv) is older than the
    // user's (the password changed since) is no session at all.
    jwt({ token, user }) {
      return user ? { ...token, ...sessionClaims(user) } : token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, orgId: token.orgId, role: token.role, sessionVersion: token.sv ?? 0 };
    },
  },
};
