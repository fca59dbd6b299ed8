// Run by e2e/lib-fixtures.ts in a child process (tsx --conditions=react-server), never imported by
// a spec: it builds a fresh org in the E2E server's database through lib/ (the test factories, the
// workflow publisher, the ledger's posting functions), which are server-only and cannot load in
// Playwright's own process. Prints one JSON line: what the spec needs to sign in and look.
import { disconnectDb } from "@/lib/db/client";
import { createEngineOrg, createFamily, publishLive } from "@/lib/testing/engine-factories";
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

const scenario = process.argv[2];
const run = scenario === "family" ? family : scenario === "trend" ? trend : null;
if (!run) throw new Error(`unknown fixture scenario ${scenario}`);
try {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
} finally {
  await disconnectDb();
}
