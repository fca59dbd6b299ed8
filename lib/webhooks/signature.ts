import { createHmac, timingSafeEqual } from "node:crypto";

// The signature a receiver checks (the clone's own: the vendor documents none, SPEC-vendor-api
// §0.10). Header `X-Loyalty-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
// keyed by the subscription's secret. Receivers recompute it over the raw body, compare in
// constant time, and refuse a timestamp older than their tolerance (replays).

export const SIGNATURE_HEADER = "x-loyalty-signature";

export function sign(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does; used by our tests' receiver and shown in the README. */
export function verifySignature(secret: string, header: string | null | undefined, body: string, { toleranceSeconds = 300, now = Date.now() } = {}): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, t, body).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
