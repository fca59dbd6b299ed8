import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

// OTP codes (SPEC-vendor-api §D.1 "Generic OTP"): six digits from a CSPRNG; only a salted
// SHA-256 of a code is stored. Six digits are few, so the stored hash is not what protects a
// code: its short life and the attempt limit are (lib/otp/otp.ts).

export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashCode(code: string, salt = randomBytes(12).toString("hex")): string {
  return `${salt}:${createHash("sha256").update(`${salt}:${code}`).digest("hex")}`;
}

export function codeMatches(stored: string, code: string): boolean {
  const [salt, expected] = stored.split(":");
  if (!salt || !expected) return false;
  const actual = hashCode(code.trim(), salt).split(":")[1]!;
  return actual.length === expected.length && timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
}
