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
  experimental: {
    // forbidden() / app/forbidden.tsx for role checks on pages.
    authInterrupts: true,
  },
};

export default nextConfig;
