// Run by e2e/lib-fixtures.ts in a child process (tsx --conditions=react-server), never imported by
// a spec: it builds a fresh org in the E2E server's database through lib/ (the test factories, the
// workflow publisher, the ledger's posting functions), which are server-only and cannot load in
// Playwright's own process. Prints one JSON line: what the spec needs to sign in and look.
import { disconnectDb } from "@/lib/db/client";
import { adjustCustomerPoints } from "@/lib/engine/manual-adjustment";
import { createEngineOrg, createFamily, publishLive } from "@/lib/testing/engine-factories";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { leaveGroup } from "@/lib/groups/leave";
import { revokeApiClient } from "@/lib/org/api-clients";
import { recordAudit } from "@/lib/org/audit";
import { createApiClient, createUser } from "@/lib/testing/factories";
import { createCustomer, createGroupsOrg } from "@/lib/testing/groups-factories";
import { DEMO_FAMILY } from "@/prisma/seed-groups";
import { createTrendActivity } from "@/lib/testing/trend-factories";
import { db } from "@/lib/db/client";

const PASSWORD = "fixture-pass-123";

async function family() {
  const f = await createEngineOrg();
  await publishLive(f.orgId, f.defaultProgram.id);
  const { group, members } = await createFamily(f.orgId, 2);
  const agent = await createUser(f.orgId, "MEMBER_CARE", PASSWORD);
  return {
    authorization: f.authorization,
    agent: { email: agent.user.email, password: PASSWORD },
    group: { id: group.id, name: group.groupName },
    members: members.map((m) => ({ id: m.id, mobile: m.mobile, name: `${m.firstName} ${m.lastName}` })),
  };
}

async function trend() {
  const f = await createEngineOrg();
  const brand = await db.program.create({ data: { orgId: f.orgId, name: `Quiet brand ${f.orgId}`, active: true } });
  await createTrendActivity(f.orgId, f.defaultProgram.id);
  const admin = await createUser(f.orgId, "ADMIN", PASSWORD);
  return {
    admin: { email: admin.user.email, password: PASSWORD },
    programs: { default: { id: f.defaultProgram.id, name: f.defaultProgram.name }, quiet: { id: brand.id, name: brand.name } },
  };
}

/**
 * A second org with an ADMIN, a program, a family group and one audit entry of its own, and what
 * the demo org (the first org) has that the second org's admin must never see: every program,
 * the family's customers and group, the fleet hierarchies, users, API clients and stores.
 */
async function stranger() {
  const demo = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" }, select: { id: true } });
  const own = await createGroupsOrg();
  const admin = await createUser(own.orgId, "ADMIN", PASSWORD);
  const { group, members } = await createFamily(own.orgId, 1);
  const client = await createApiClient(own.orgId);
  await revokeApiClient({ orgId: own.orgId, actor: { kind: "user", id: admin.user.id, label: admin.user.email }, id: client.client.id });
  // The demo org's audit log is empty after the seed: one entry, so the log has something to hide.
  const demoAdmin = await db.user.findFirstOrThrow({ where: { orgId: demo.id, role: "ADMIN" }, select: { id: true, email: true } });
  await recordAudit(db, { orgId: demo.id, actor: { kind: "user", id: demoAdmin.id, label: demoAdmin.email }, action: "fixture.crossOrg", entityType: "Org", entityId: demo.id, after: { note: "e2e/cross-org-console.spec.ts" } });
  const where = { orgId: demo.id };
  const customerIds = DEMO_FAMILY.members.map((m) => m.customerId);
  const customers = await db.customer.findMany({ where: { ...where, id: { in: customerIds } }, select: { id: true, firstName: true, identifiers: { where: { type: "MOBILE" }, select: { value: true } } } });
  return {
    admin: { email: admin.user.email, password: PASSWORD },
    own: { program: { id: own.defaultProgram.id, name: own.defaultProgram.name }, customerId: members[0]!.id, group: { id: group.id, name: group.groupName }, apiClientId: client.client.clientId },
    demo: {
      programs: await db.program.findMany({ where, select: { id: true, name: true }, orderBy: { id: "asc" } }),
      customers: customers.map((c) => ({ id: c.id, firstName: c.firstName, mobile: c.identifiers[0]!.value })),
      group: { id: DEMO_FAMILY.id, name: DEMO_FAMILY.groupName, externalId: DEMO_FAMILY.externalId },
      fleetHierarchies: await db.fleetHierarchy.findMany({ where, select: { id: true, code: true, name: true }, orderBy: { id: "asc" } }),
      userEmails: (await db.user.findMany({ where, select: { email: true } })).map((u) => u.email),
      apiClients: await db.apiClient.findMany({ where, select: { clientId: true, name: true } }),
      stores: (await db.store.findMany({ where, select: { code: true, name: true } })),
      auditEntries: await db.auditEntry.count({ where }),
    },
  };
}

/** A customer with 25 agent adjustments ("Adjustment 1" … "Adjustment 25", 1 to 25 points): more than a page of ledger. */
async function ledger() {
  const f = await createEngineOrg();
  const customer = await createCustomer(f.orgId, { firstName: "Lena" });
  await db.programEnrollment.create({ data: { orgId: f.orgId, programId: f.defaultProgram.id, customerId: customer.id, enrolledVia: "REGISTRATION" } });
  const agent = await createUser(f.orgId, "MEMBER_CARE", PASSWORD);
  const actor = { kind: "user" as const, id: agent.user.id, label: agent.user.email };
  for (let n = 1; n <= 25; n++) {
    await adjustCustomerPoints({ orgId: f.orgId, actor, input: { customerId: customer.id, programId: f.defaultProgram.id, points: n, reason: `Adjustment ${n}`, idempotencyKey: crypto.randomUUID() } });
  }
  return { agent: { email: agent.user.email, password: PASSWORD }, customer: { id: customer.id } };
}

/** A group of 25 (more than a page of members), the last two of whom left it. */
async function bigFamily() {
  const f = await createEngineOrg();
  const { group, members } = await createFamily(f.orgId, 25);
  for (const m of members.slice(-2)) {
    await leaveGroup({ orgId: f.orgId, actor: SYSTEM_ACTOR, groupId: group.id, identifier: { name: "mobile", value: m.mobile } });
  }
  const agent = await createUser(f.orgId, "MEMBER_CARE", PASSWORD);
  return {
    agent: { email: agent.user.email, password: PASSWORD },
    group: { id: group.id, name: group.groupName },
    members: members.map((m) => ({ id: m.id, mobile: m.mobile, name: `${m.firstName} ${m.lastName}` })),
  };
}

const SCENARIOS: Record<string, () => Promise<unknown>> = { family, trend, ledger, bigFamily, stranger };
const scenario = process.argv[2] ?? "";
const run = SCENARIOS[scenario] ?? null;
if (!run) throw new Error(`unknown fixture scenario ${scenario}`);
try {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
} finally {
  await disconnectDb();
}
