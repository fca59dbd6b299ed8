/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run dev` serves its scripts to the hosts a newcomer types (Next 16 blocks dev resources
  // for other hosts, and the sign-in page then never hydrates).
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // Lets two builds (e.g. parallel browser-test runs) live side by side; see playwright.config.ts.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Packages with WASM or native pieces that must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  // External systems call /v2/... as with the vendor; the handlers live under app/api/v2.
  async rewrites() {
    // The vendor's v1.1 points calls (SPEC-vendor-api §D.1) live under app/api/v1.1 the same way,
    // and its v3 webhook calls (§F.2) under app/api/v3.
    return [
      { source: "/v2/:path*", destination: "/api/v2/:path*" },
      { source: "/v1.1/:path*", destination: "/api/v1.1/:path*" },
      { source: "/v3/:path*", destination: "/api/v3/:path*" },
    ];
  },
  // Security headers on every answer, pages and API alike (issue 10). The Content-Security-Policy
  // of pages needs a nonce per view, so proxy.ts sets it (lib/security/csp.ts); API answers are
  // JSON and may load nothing. HSTS only in production, where the console is served over HTTPS
  // (a browser ignores it over plain HTTP anyway).
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
      ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    ];
    const apiPolicy = [{ key: "Content-Security-Policy", value: "default-src 'none'; base-uri 'none'; frame-ancestors 'none'" }];
    // Next's assets and the files of public/ do not pass through proxy.ts: a policy that loads nothing from them.
    const assetPolicy = [{ key: "Content-Security-Policy", value: "object-src 'none'; base-uri 'none'; frame-ancestors 'none'" }];
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/_next/:path*", headers: assetPolicy },
      { source: "/:file(favicon\\.ico|icon-192\\.png|logo\\.svg|robots\\.txt)", headers: assetPolicy },
      { source: "/api/:path*", headers: apiPolicy },
      { source: "/v2/:path*", headers: apiPolicy },
      { source: "/v1.1/:path*", headers: apiPolicy },
      { source: "/v3/:path*", headers: apiPolicy },
    ];
  },
  experimental: {
    // Server actions answer only posts whose Origin is the console's own host (Next.js compares
    // Origin with Host / X-Forwarded-Host). No other origin is allowed: keep this list empty
    // unless the console is served under a second host name (e2e/security-headers.spec.ts).
    serverActions: { allowedOrigins: [] },
    // forbidden() / app/forbidden.tsx for role checks on pages.
    authInterrupts: true,
  },
};

export default nextConfig;
