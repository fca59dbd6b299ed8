import "server-only";
import { safeCallbackUrl } from "./callback-url";
import { credentialsSchema } from "./options";
import { firstPasswordUrl } from "./session";
import { sessionCookie, setCookieHeader } from "./session-cookie";
import { clientAddress, lockedMessage, throttledSignIn } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * POST /login/submit: the sign-in form's own endpoint, so signing in works before the page's
 * JavaScript has loaded (a plain form POST, never a GET that would put the password in the URL)
 * and after it (the form fetches the same endpoint and asks for JSON). It writes the same
 * session cookie next-auth reads (lib/auth/session-cookie.ts).
 */
export async function signInResponse(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (!sameOrigin(request)) return answer(wantsJson, 403, { error: "Sign-in must come from this console's own page." }, "/login");

  const form = await request.formData().catch(() => null);
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const callbackUrl = safeCallbackUrl(field("callbackUrl"));
  const parsed = credentialsSchema.safeParse({ email: field("email"), password: field("password") });
  const outcome = parsed.success ? await throttledSignIn(parsed.data.email, parsed.data.password, clientAddress(request.headers)) : null;
  if (outcome && !outcome.ok && outcome.locked) {
    const wait = outcome.retryAfterSeconds;
    return answer(wantsJson, 429, { error: lockedMessage(wait) }, `/login?error=locked&wait=${wait}&callbackUrl=${encodeURIComponent(callbackUrl)}`, { "Retry-After": String(wait) });
  }
  const user = outcome?.ok ? outcome.user : null;
  if (!user) {
    // Back to the form with the reason, never the email or the password, in the URL.
    return answer(wantsJson, 401, { error: WRONG_CREDENTIALS }, `/login?error=credentials&callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  // A temporary password (an admin created or reset the user) buys only the page that replaces
  // it; the guards refuse everything else until then, this only saves a redirect.
  const target = user.mustChangePassword ? firstPasswordUrl(callbackUrl) : callbackUrl;
  const response = answer(wantsJson, 200, { redirect: target }, target);
  response.headers.append("Set-Cookie", setCookieHeader(await sessionCookie(user)));
  return response;
}

// Login CSRF: a browser always sends Origin on a form POST; another site's must not sign a
// visitor in to an account of its choosing.
function sameOrigin(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

function answer(wantsJson: boolean, status: number, json: Record<string, string>, location: string, headers: Record<string, string> = {}): Response {
  if (wantsJson) return Response.json(json, { status, headers: { "Cache-Control": "no-store", ...headers } });
  // 303: the browser follows with a GET, so a reload does not post the password again.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...headers } });
}
