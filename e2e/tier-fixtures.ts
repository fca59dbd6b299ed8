import { createPrismaClient } from "@/lib/db/client";

// Data for the Tiers spec, written straight into the E2E server's embedded database: an org of
// its own (a tier ladder is shared state; the demo org's is read by other specs), with a default
// program without tiers, an admin who signs in with `password`, an API client that posts
// transactions, and a customer to lift.

const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54391);
const db = createPrismaClient(`postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable`, 2);

export async function createTiersOrg() {
  const { hashSecret } = await import("@/lib/auth/password");
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const org = await db.org.create({ data: { name: `Tiers ${tag}`, slug: `tiers-${tag}` }, select: { id: true } });
  const program = await db.program.create({ data: { orgId: org.id, name: `Tiers ${tag} Rewards`, isDefault: true, active: true }, select: { id: true, name: true } });
  const password = "tiers-pass-1234";
  const admin = await db.user.create({ data: { orgId: org.id, role: "ADMIN", email: `admin-${tag}@tiers.test`, name: `Tier Admin ${tag}`, passwordHash: await hashSecret(password) }, select: { email: true } });
  const secret = `tiers-secret-${tag}`;
  const client = await db.apiClient.create({
    data: { orgId: org.id, clientId: `tiers-pos-${tag}`, name: "Tiers POS", secretHash: await hashSecret(secret), scopes: ["transactions:write", "points:read", "customers:read"] },
    select: { clientId: true },
  });
  // The spec's webhook receiver listens on loopback: allowed in this org only.
  await db.orgConfig.create({ data: { orgId: org.id, key: "WEBHOOK_ALLOW_PRIVATE_TARGETS", value: true } });
  const mobile = `93${tag.slice(-8)}`;
  const customer = await db.customer.create({ data: { orgId: org.id, firstName: "Tina", lastName: "Tier", identifiers: { create: [{ orgId: org.id, type: "MOBILE", value: mobile }] } }, select: { id: true } });
  return { program, admin, password, customer: { ...customer, mobile }, authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString("base64")}` };
}
