import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed, type ApiVersion } from "@/lib/api/method-gate";
import { secureCookies } from "@/lib/auth/cookie-policy";
import { authSecret, env } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

// Three jobs. For the external API (/v2 and the vendor's /v1.1 and /v3, also under /api): answer a method the route does not
// implement with 405 in the error envelope (lib/api/method-gate.ts); everything else of the API
// passes on to its handler. For console pages: send signed-out visitors to /login with a plain
// 307, remembering where they were going. It only reads the session cookie; pages and actions
// still check the user and role against the database (lib/auth/session.ts), so this is a
// convenience, not the guard. And every page gets its Content-Security-Policy here, with a nonce
// of its own (lib/security/csp.ts).
export async function proxy(request: NextRequest) {
  const apiPath = /^(?:\/api)?\/(v2|v1\.1|v3)(\/.*)?$/.exec(request.nextUrl.pathname);
  if (apiPath) return methodNotAllowed(request, apiPath[2] ?? "/", apiPath[1] as ApiVersion) ?? NextResponse.next();

  if (PUBLIC_PAGE.test(request.nextUrl.pathname)) return withContentSecurityPolicy(request);
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookies(env()) });
  if (token?.sub) return withContentSecurityPolicy(request);
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

// Pages anyone may see: sign-in and the API docs.
const PUBLIC_PAGE = /^\/(login|docs)(\/|$)/;

/** The page goes on with a fresh nonce: Next.js reads the policy from the request and nonces its scripts with it. */
function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page (for its CSP), the sign-in redirect except on public pages; not Next's assets nor
  // the files of public/. The API (/v2, /v1.1, /v3, also under /api) comes in only for the method check above.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon-192.png|logo.svg|robots.txt).*)", "/api/v2", "/api/v2/:path*", "/api/v1.1", "/api/v1.1/:path*", "/api/v3", "/api/v3/:path*"],
};
