// Run by e2e/lib-fixtures.ts in a child process (tsx --conditions=react-server), never imported by
// a spec: it builds a fresh org in the E2E server's database through lib/ (the test factories, the
// workflow publisher, the ledger's posting functions), which are server-only and cannot load in
// Playwright's own process. Prints one JSON line: what the spec needs to sign in and look.
import { disconnectDb } from "@/lib/db/client";
import { adjustCustomerPoints } from "@/lib/engine/manual-adjustment";
import { createEngineOrg, createFamily, publishLive } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { leaveGroup } from "@/lib/groups/leave";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createUser } from "@/lib/testing/factories";
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

const SCENARIOS: Record<string, () => Promise<unknown>> = { family, trend, ledger, bigFamily };
const scenario = process.argv[2] ?? "";
const run = SCENARIOS[scenario] ?? null;
if (!run) throw new Error(`unknown fixture scenario ${scenario}`);
try {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
} finally {
  await disconnectDb();
}
