import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { verifySecretOrStandIn } from "./password";

export type ApiCaller = {
  id: number;
  clientId: string;
  name: string;
  orgId: number;
  tillId: number | null;
  tillCode: string | null;
  /** False when the bound till (or its store) has been deactivated: the client may not act for it. */
  tillActive: boolean;
  scopes: string[];
  /** Requests per minute (lib/api/rate-limit.ts); 0 is no limit. */
  rateLimitPerMinute: number;
  /** The org's setup version when the request began: the key of the per-org caches (lib/org/cache.ts). */
  orgCacheVersion: bigint;
};

type ClientRow = {
  id: number; clientId: string; name: string; orgId: number; secretHash: string; scopes: string[];
  revokedAt: Date | null; lastUsedAt: Date | null; rateLimitPerMinute: number; tillId: number | null; tillCode: string | null;
  tillActive: boolean | null; orgCacheVersion: bigint;
};

// Secrets are stored as slow hashes; verifying one per request would cost ~50 ms of CPU. A
// successful check is remembered briefly by a fast digest of the presented credentials (never the
// secret itself); revocation still applies at once because the client row is read every time.
const VERIFIED_TTL_MS = 60_000;
const verified = new Map<string, number>();

/** Resolves the caller of an API request from its HTTP Basic header, or null when it is not valid. */
export async function authenticateApiClient(authorization: string | null): Promise<ApiCaller | null> {
  const credentials = parseBasic(authorization);
  if (!credentials) return null;
  // One round trip for every API request: the client, its till and store, and the org's setup
  // version (Prisma would read the relations one query each), sent past Prisma (lib/db/sql.ts).
  const rows = await sqlRows<ClientRow>(`
    SELECT c.id, c."clientId", c.name, c."orgId", c."secretHash", c.scopes, c."revokedAt", c."lastUsedAt", c."rateLimitPerMinute",
           t.id AS "tillId", t.code AS "tillCode", (t.active AND s.active) AS "tillActive", o."cacheVersion" AS "orgCacheVersion"
      FROM "ApiClient" c
      JOIN "Org" o ON o.id = c."orgId"
      LEFT JOIN "Till" t ON t.id = c."tillId"
      LEFT JOIN "Store" s ON s.id = t."storeId"
     WHERE c."clientId" = $1`, [credentials.clientId]);
  const client = rows[0];
  // An unknown or revoked id costs one slow hash too, as a wrong secret does: the timing must not
  // tell which client ids exist.
  if (!client || client.revokedAt) {
    await verifySecretOrStandIn(credentials.secret, null);
    return null;
  }

  const fingerprint = createHash("sha256").update(`${client.secretHash}\0${credentials.secret}`).digest("base64url");
  const until = verified.get(fingerprint);
  if (!until || until < Date.now()) {
    if (!(await verifySecretOrStandIn(credentials.secret, client.secretHash))) return null;
    verified.set(fingerprint, Date.now() + VERIFIED_TTL_MS);
    if (verified.size > 10_000) verified.clear();
  }

  // "Last used" to the minute is enough, and saves a write per request.
  if (!client.lastUsedAt || Date.now() - client.lastUsedAt.getTime() > 60_000) {
    await db.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    id: client.id,
    clientId: client.clientId,
    name: client.name,
    orgId: client.orgId,
    tillId: client.tillId,
    tillCode: client.tillCode,
    tillActive: client.tillId === null ? true : client.tillActive === true,
    scopes: client.scopes,
    rateLimitPerMinute: client.rateLimitPerMinute,
    orgCacheVersion: client.orgCacheVersion,
  };
}

export function parseBasic(header: string | null): { clientId: string; secret: string } | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
