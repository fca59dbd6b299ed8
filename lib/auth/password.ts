import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt is a slow, memory-hard hash from Node's standard library: no native addon to build.
// Format: scrypt$N$r$p$salt$hash (base64url), so parameters can grow without breaking old hashes.
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(secret, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of nothing anyone knows, with the current parameters: checking a secret against it costs
// what a real check costs, and always fails.
const STAND_IN = ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, "A".repeat(22), "A".repeat(43)].join("$");

/**
 * Verifies against the stored hash, or, when there is none (unknown email, unknown or revoked
 * API client), against a stand-in of the same cost, so the time taken does not tell which
 * accounts exist.
 */
export async function verifySecretOrStandIn(secret: string, stored: string | null | undefined): Promise<boolean> {
  const ok = await verifySecret(secret, stored ?? STAND_IN);
  return Boolean(stored) && ok;
}
