import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

// Test data built through the same Prisma client the app uses (no mocks). Each factory makes
// rows unique per call so tests never collide.
const unique = () => randomBytes(4).toString("hex");

export async function createOrg(name = `Org ${unique()}`) {
  const org = await db.org.create({ data: { name, slug: `org-${unique()}` } });
  const defaultProgram = await db.program.create({
    data: { orgId: org.id, name: `${name} Default`, isDefault: true, active: true },
  });
  return { org, defaultProgram };
}

// Test clients have no rate limit unless a test asks for one (the limiter has its own tests; a
// suite that sends thousands of requests through one client must not meet 429s by accident).
export async function createApiClient(orgId: number, options: { scopes?: string[]; secret?: string; rateLimitPerMinute?: number } = {}) {
  const secret = options.secret ?? `secret-${unique()}`;
  const client = await db.apiClient.create({
    data: {
      orgId,
      clientId: `client-${unique()}`,
      name: "Test client",
      secretHash: await hashSecret(secret),
      scopes: options.scopes ?? ["programs:read"],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    },
  });
  return { client, secret, authorization: basic(client.clientId, secret) };
}

export async function createUser(orgId: number, role: Role, password = "correct-horse") {
  const user = await db.user.create({
    data: { orgId, role, email: `${role.toLowerCase()}-${unique()}@test.local`, name: `Test ${role}`, passwordHash: await hashSecret(password) },
  });
  return { user, password };
}

export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}
