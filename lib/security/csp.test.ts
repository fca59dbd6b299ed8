import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

const directives = (policy: string): Record<string, string[]> => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the view's nonce, and nothing frame the console", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
    // Inline styles only (see csp.ts); never inline scripts, never eval outside development.
    expect(Object.entries(policy).filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(["style-src"]);
    expect(JSON.stringify(policy)).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
