import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";

// Sends signed-out visitors of console pages to /login with a plain 307, remembering where they
// were going. It only reads the session cookie; pages and actions still check the user and role
// against the database (lib/auth/session.ts), so this is a convenience, not the guard.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret() });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Public: sign-in, the API and its documentation (/docs), Next's assets and the files of public/.
  matcher: ["/((?!login|api/|v2/|docs|_next/|favicon.ico|icon-192.png|logo.svg|robots.txt).*)"],
};
