// The console's Content-Security-Policy (issue 10), set per page view by proxy.ts with a fresh
// nonce. Next.js reads the policy from the request, finds the nonce and puts it on every script
// it writes (framework, page bundles, the inline RSC payload); root layout renders every page
// dynamically so that each view gets its own. No script runs without that nonce: no
// 'unsafe-inline' for scripts, no hosts. 'strict-dynamic' lets a nonced script load the chunks it
// imports (Next.js loads route chunks that way). Edge-runtime safe: no Node imports.

export type CspOptions = { nonce: string; dev: boolean };

export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  return [
    "default-src 'self'",
    // Development only: React's dev build and Next's fast refresh evaluate code with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline, on purpose and only styles: React writes style="" attributes into the
    // server-rendered HTML (Recharts sizes its SVG that way, the progress bar and toasts set
    // positions), and CodeMirror and @bprogress/next add <style> elements at run time without a
    // nonce. A nonce in style-src would switch 'unsafe-inline' off. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    // Fetches, server actions and (in development) the hot-reload socket go to this origin only.
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 16 random bytes, base64: unguessable, fresh for every page view. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
