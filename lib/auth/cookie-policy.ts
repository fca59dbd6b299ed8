// When the console's cookies (the session, and next-auth's CSRF and callback cookies) carry
// `Secure`: whenever the console is served over HTTPS, and always in production unless it is
// served from this machine over plain HTTP (a local `npm start`, the browser tests). So a
// production deployment's cookies never travel over plain HTTP. Every cookie is also HttpOnly
// and SameSite=Lax (next-auth's defaults for its own, lib/auth/session-cookie.ts for ours).

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function secureCookies({ NODE_ENV, NEXTAUTH_URL }: { NODE_ENV?: string; NEXTAUTH_URL?: string }): boolean {
  const url = NEXTAUTH_URL ? new URL(NEXTAUTH_URL) : null;
  if (url?.protocol === "https:") return true;
  if (NODE_ENV !== "production") return false;
  return !(url && url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
}
