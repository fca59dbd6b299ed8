import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed, type ApiVersion } from "@/lib/api/method-gate";
import { authSecret } from "@/lib/env";

// Two jobs. For the external API (/v2 and the vendor's /v1.1 and /v3, also under /api): answer a method the route does not
// implement with 405 in the error envelope (lib/api/method-gate.ts); everything else of the API
// passes on to its handler. For console pages: send signed-out visitors to /login with a plain
// 307, remembering where they were going. It only reads the session cookie; pages and actions
// still check the user and role against the database (lib/auth/session.ts), so this is a
// convenience, not the guard.
export async function proxy(request: NextRequest) {
  const apiPath = /^(?:\/api)?\/(v2|v1\.1|v3)(\/.*)?$/.exec(request.nextUrl.pathname);
  if (apiPath) return methodNotAllowed(request, apiPath[2] ?? "/", apiPath[1] as ApiVersion) ?? NextResponse.next();

  const token = await getToken({ req: request, secret: authSecret() });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Public: sign-in, the API docs (/docs), Next's assets and the files of public/. The API (/v2,
  // /api/v2) comes in only for the method check above, never for the sign-in redirect.
  matcher: ["/((?!login|api/|docs|_next/|favicon.ico|icon-192.png|logo.svg|robots.txt).*)", "/api/v2", "/api/v2/:path*", "/api/v1.1", "/api/v1.1/:path*", "/api/v3", "/api/v3/:path*"],
};
