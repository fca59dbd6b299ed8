// `npm run bench:member-care` (issue 9): the queries behind Member Care's group and customer pages
// (and the Programs overview's trend) on a big ledger, on the PostgreSQL server.
//   - Recreates the database named by DATABASE_URL (default
//     postgresql://postgres@127.0.0.1:5432/h_care_bench), migrates it and seeds it with bulk SQL
//     (generate_series; no per-row Prisma): 100,000 customers, a group of 10,000 of them, and
//     1,000,000 ledger movements (each two postings) over the last year — 200,000 on the group's
//     wallet, 800,000 on customers' — with their bills, lots, redemptions, tier changes and audit
//     entries.
//   - Times each lib/ function the pages call (the same functions, through the app's Prisma
//     client), BENCH_RUNS (30) times after 3 warm-ups, and prints `mc <query> <p50-ms> <p95-ms>`.
//     Goal: p95 ≤ 100 ms each. For a query over the goal it prints the EXPLAIN (ANALYZE, BUFFERS)
//     of each SQL statement it sent, captured from Prisma's query events.
// BENCH_SKIP_SEED=1 reuses a seeded database.
import { recreateDatabase } from "./database";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";

const URL_ = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/h_care_bench";
process.env.DATABASE_URL = URL_;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 100;

const CUSTOMERS = 100_000;
const MEMBERS = 10_000;
const MOVEMENTS = 1_000_000;
const GROUP_MOVEMENTS = 200_000;
const ORG = 1;
const PROGRAM = 1;
const GROUP = 9_000_001;
const FIRST_CUSTOMER = 800_000_001;

type Statement = { sql: string; params: unknown[] };
const captured: Statement[] = [];
let capturing = false;

async function main() {
  if (process.env.BENCH_SKIP_SEED !== "1") {
    await recreateBenchDatabase();
    const { migrateDeploy } = await import("../lib/db/migrate");
    await migrateDeploy(URL_);
    const started = performance.now();
    await seed();
    console.log(`mc seeded ${MOVEMENTS} movements in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // The app's client, with query events on, so a slow query's SQL can be explained.
  // A statement that runs away is stopped (and reported) rather than left to starve the machine.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: URL_, max: 4, options: "-c statement_timeout=30000" }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => {
    if (capturing) captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  (globalThis as unknown as { __loyaltyDb?: PrismaClient }).__loyaltyDb = client;

  // The queue's ledger:rollup job, as a deployment runs it: after the bulk load, once (the first
  // run rolls the whole year up, so its statements get 10 minutes, not 30 s); then analysed, as
  // autovacuum would after that many new rows.
  const rollClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: URL_, max: 2, options: "-c statement_timeout=600000" }) });
  (globalThis as unknown as { __loyaltyDb?: PrismaClient }).__loyaltyDb = rollClient;
  const { refreshLedgerRollups } = await import("../lib/ledger/rollup");
  const rollStarted = performance.now();
  const rolled = await refreshLedgerRollups();
  console.log(`mc rollup-refresh ${((performance.now() - rollStarted) / 1000).toFixed(1)} s ${JSON.stringify(rolled)}`);
  await rollClient.$executeRawUnsafe(`ANALYZE "AccountDayTotal", "GroupContribution", "MembershipBillTotal", "ActiveMemberCount", "LedgerRollupState"`);
  await rollClient.$disconnect();
  (globalThis as unknown as { __loyaltyDb?: PrismaClient }).__loyaltyDb = client;
  const { getGroupOverview, listGroupMemberPage, listGroupMembersForExport } = await import("../lib/groups/member-care");
  const { recentGroupBills } = await import("../lib/groups/member-care-activity");
  const { groupExpirySchedules } = await import("../lib/groups/wallet");
  const { listLedgerEntries } = await import("../lib/ledger/history");
  const { listWallets } = await import("../lib/ledger/queries");
  const { balanceOverTime } = await import("../lib/ledger/series");
  const { ledgerTrend } = await import("../lib/ledger/trend");
  const { getCustomerView } = await import("../lib/customers/customer-view");
  const { searchCustomers } = await import("../lib/customers/search");
  const { listCustomerGroups, searchGroups } = await import("../lib/groups/queries");
  const { listCustomerTransactions } = await import("../lib/engine/customer-transactions");
  const { listAuditEntries } = await import("../lib/org/audit-log");
  const { tierHistory } = await import("../lib/tiers/queries");
  const { tierLaddersOf } = await import("../lib/tiers/member-care-adjustment");

  const orgId = ORG;
  const groupId = GROUP;
  // A member of the group with a wallet of their own (every customer has ~8 movements).
  const customerId = FIRST_CUSTOMER + 42;
  const groupOwner = { type: "USERGROUP" as const, id: groupId };
  const customerOwner = { type: "CUSTOMER" as const, id: customerId };
  const queries: [string, () => Promise<unknown>][] = [
    ["group-overview", () => getGroupOverview({ orgId, groupId })],
    ["group-members", () => listGroupMemberPage({ orgId, groupId, status: "CURRENT", sort: "role", dir: "desc", page: 1 })],
    ["group-members-page-200", () => listGroupMemberPage({ orgId, groupId, status: "CURRENT", sort: "joined", dir: "asc", page: 200 })],
    ["group-bills", () => recentGroupBills({ orgId, groupId })],
    ["group-ledger", () => listLedgerEntries({ orgId, owner: groupOwner, programId: PROGRAM })],
    ["group-ledger-page-500", () => listLedgerEntries({ orgId, owner: groupOwner, programId: PROGRAM, page: 500 })],
    ["group-expiry", () => groupExpirySchedules(orgId, groupId)],
    ["group-members-csv", () => listGroupMembersForExport({ orgId, groupId, status: "CURRENT", sort: "role", dir: "desc" })],
    ["search-customer-mobile", () => searchCustomers({ orgId, q: mobileOf(customerId), limit: 20, offset: 0 })],
    ["search-group", () => searchGroups({ orgId, q: "bench_family", limit: 20, offset: 0 })],
    ["customer-view", () => getCustomerView({ orgId, customerId })],
    ["customer-groups", () => listCustomerGroups({ orgId, customerId })],
    ["customer-chart", () => balanceOverTime({ orgId, owner: customerOwner })],
    ["customer-ledger", () => listLedgerEntries({ orgId, owner: customerOwner, programId: PROGRAM })],
    ["customer-wallet", () => listWallets({ orgId, owners: [customerOwner], programId: PROGRAM })],
    ["customer-transactions", () => listCustomerTransactions({ orgId, customerId, sort: "billed", dir: "desc", page: 1 })],
    ["customer-audit", () => listAuditEntries({ orgId, filters: {}, entity: { type: "Customer", id: customerId }, page: 1 })],
    ["customer-tier-history", () => tierHistory({ orgId, customerId, programId: PROGRAM })],
    ["customer-tier-ladders", () => tierLaddersOf(orgId, [PROGRAM])],
    ["programs-trend-org-week", () => ledgerTrend({ orgId, grain: "week" })],
    ["programs-trend-program-day", () => ledgerTrend({ orgId, programId: PROGRAM, grain: "day" })],
  ];

  const explainer = new pg.Client({ connectionString: URL_, options: "-c statement_timeout=60000" });
  await explainer.connect();
  let over = 0;
  for (const [name, run] of queries) {
    const first = performance.now();
    try {
      await run();
    } catch (error) {
      over++;
      console.log(`mc ${name} failed ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    // A query seconds slow is measured 5 times, not 30: its figure is clear, and the run stays short.
    const slow = performance.now() - first > 1000;
    for (let i = 0; i < (slow ? 0 : 2); i++) await run();
    const times: number[] = [];
    for (let i = 0; i < (slow ? 5 : RUNS); i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    console.log(`mc ${name} ${p50.toFixed(1)} ${p95.toFixed(1)}`);
    if (p95 > GOAL_MS) {
      over++;
      captured.length = 0;
      capturing = true;
      await run();
      capturing = false;
      for (const s of captured) {
        if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
        const plan = await explainer.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, values: s.params });
        console.log(`mc ${name} explain: ${s.sql.replace(/\s+/g, " ").slice(0, 300)}`);
        for (const row of plan.rows as { "QUERY PLAN": string }[]) console.log(`    ${row["QUERY PLAN"]}`);
      }
    }
  }
  console.log(`mc over-goal ${over} of ${queries.length} (p95 > ${GOAL_MS} ms)`);
  await explainer.end();
  await client.$disconnect();
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const mobileOf = (customerId: number) => `91${String(customerId - FIRST_CUSTOMER + 1).padStart(10, "0")}`;

/** Refuses to drop a database not named for this benchmark. */
async function recreateBenchDatabase() {
  const name = new URL(URL_).pathname.slice(1);
  if (!/^h_care/.test(name)) throw new Error(`bench:member-care recreates its database; refusing ${name} (use a name starting h_care)`);
  await recreateDatabase(URL_);
}

/**
 * The data, in bulk SQL. Triggers are off for the load (the posting trigger keeps balances one
 * posting at a time; here each account's balance is set once at the end from its postings).
 * Movement g (1…1,000,000): the first 200,000 on the group's wallet (earned by member
 * ((g·7) mod 10,000)+1's bills, redeemed by a member, or expired), the rest on customer
 * (g mod 100,000)+1's; by g mod 20: earn (16 of 20 on the group, 15 on customers), redeem, expire.
 * Dates spread over the last 365 days.
 */
async function seed() {
  const c = new pg.Client({ connectionString: URL_ });
  await c.connect();
  const step = async (label: string, sql: string) => {
    const t = performance.now();
    await c.query(sql);
    console.log(`mc seed ${label} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const cust = (expr: string) => `(${FIRST_CUSTOMER - 1} + ${expr})`;
  const groupEarn = `(g % 20) < 16`;
  const custEarn = `(g % 20) < 15`;
  const kind = `CASE WHEN g <= ${GROUP_MOVEMENTS} THEN (CASE WHEN ${groupEarn} THEN 'EARN' WHEN (g % 20) < 19 THEN 'REDEEM' ELSE 'EXPIRE' END)
    ELSE (CASE WHEN ${custEarn} THEN 'EARN' WHEN (g % 20) < 19 THEN 'REDEEM' ELSE 'EXPIRE' END) END`;
  const isEarn = `((g <= ${GROUP_MOVEMENTS} AND ${groupEarn}) OR (g > ${GROUP_MOVEMENTS} AND ${custEarn}))`;
  const billCustomer = `CASE WHEN g <= ${GROUP_MOVEMENTS} THEN ${cust(`((g * 7) % ${MEMBERS}) + 1`)} ELSE ${cust(`(g % ${CUSTOMERS}) + 1`)} END`;
  const at = `(now() - ((g::bigint * 7919) % 31536000) * interval '1 second')`;
  const amount = `CASE ${kind} WHEN 'EARN' THEN 10 + g % 90 WHEN 'REDEEM' THEN 5 + g % 20 ELSE 3 + g % 10 END`;
  // Owner accounts: customer n has account n; the group's is 200,001; system accounts 200,002-200,004.
  const ownerAccount = `CASE WHEN g <= ${GROUP_MOVEMENTS} THEN 200001 ELSE (g % ${CUSTOMERS}) + 1 END`;
  const systemAccount = `CASE ${kind} WHEN 'EARN' THEN 200002 WHEN 'REDEEM' THEN 200003 ELSE 200004 END`;

  await c.query(`SET session_replication_role = replica`);
  await step("org", `
    INSERT INTO "Org" (id, name, slug) VALUES (${ORG}, 'Bench org', 'bench-org');
    INSERT INTO "Program" (id, "orgId", name, "isDefault", active, "updatedAt") VALUES (${PROGRAM}, ${ORG}, 'Bench Rewards', true, true, now());
    INSERT INTO "Tier" ("orgId", "programId", number, name, threshold) VALUES (${ORG}, ${PROGRAM}, 1, 'Silver', 0), (${ORG}, ${PROGRAM}, 2, 'Gold', 5000), (${ORG}, ${PROGRAM}, 3, 'Platinum', 20000);
    INSERT INTO "OrgConfig" ("orgId", key, value, "updatedAt") VALUES (${ORG}, 'CONF_USER_GROUP_ENABLED', 'true', now());`);
  await step("customers", `
    INSERT INTO "Customer" (id, "orgId", "firstName", "lastName", "joinedAt", "updatedAt")
      SELECT ${cust("g")}, ${ORG}, 'First' || g, 'Last' || g, now() - interval '400 days', now() FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "CustomerIdentifier" ("orgId", "customerId", type, value)
      SELECT ${ORG}, ${cust("g")}, 'MOBILE', '91' || lpad(g::text, 10, '0') FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "CustomerIdentifier" ("orgId", "customerId", type, value)
      SELECT ${ORG}, ${cust("g")}, 'EMAIL', 'c' || g || '@bench.test' FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "ProgramEnrollment" ("orgId", "programId", "customerId", "tierId")
      SELECT ${ORG}, ${PROGRAM}, ${cust("g")}, (SELECT id FROM "Tier" WHERE number = 1 + g % 3) FROM generate_series(1, ${CUSTOMERS}) g;`);
  await step("group", `
    INSERT INTO "UserGroup" (id, "orgId", "externalId", "groupName", "maxGroupSize", "updatedAt") VALUES (${GROUP}, ${ORG}, 'bench_family', 'Bench Family', 20000, now());
    INSERT INTO "GroupMembership" ("orgId", "groupId", "customerId", "primaryMember", "defaultGroup", permissions, "joinedAt")
      SELECT ${ORG}, ${GROUP}, ${cust("g")}, g = 1, true, ARRAY['allow_points_redemption'], now() - interval '399 days' + g * interval '1 minute' FROM generate_series(1, ${MEMBERS}) g;`);
  await step("accounts", `
    INSERT INTO "PointsAccount" (id, "orgId", "programId", "ownerType", "ownerId", "updatedAt")
      SELECT g, ${ORG}, ${PROGRAM}, 'CUSTOMER', ${cust("g")}, now() FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "PointsAccount" (id, "orgId", "programId", "ownerType", "ownerId", "updatedAt") VALUES (200001, ${ORG}, ${PROGRAM}, 'USERGROUP', ${GROUP}, now());
    INSERT INTO "PointsAccount" (id, "orgId", "programId", "ownerType", "systemKind", "updatedAt") VALUES
      (200002, ${ORG}, ${PROGRAM}, 'SYSTEM', 'ISSUANCE', now()), (200003, ${ORG}, ${PROGRAM}, 'SYSTEM', 'REDEMPTION', now()), (200004, ${ORG}, ${PROGRAM}, 'SYSTEM', 'EXPIRY', now()),
      (200005, ${ORG}, ${PROGRAM}, 'SYSTEM', 'ADJUSTMENT', now());`);
  await step("bills", `
    INSERT INTO "Transaction" (id, "orgId", "customerId", type, number, amount, "billedAt", "programIds", "createdAt")
      SELECT g, ${ORG}, ${billCustomer}, 'REGULAR', 'B' || g, 100 + g % 900, ${at}, ARRAY[${PROGRAM}], ${at} FROM generate_series(1, ${MOVEMENTS}) g WHERE ${isEarn};`);
  await step("movements", `
    INSERT INTO "Movement" (id, "orgId", "programId", kind, "sourceType", "sourceRef", "transactionId", "actorType", "createdAt")
      SELECT g, ${ORG}, ${PROGRAM}, (${kind})::"MovementKind", CASE WHEN ${isEarn} THEN 'TRANSACTION' ELSE 'REDEMPTION' END, 'bench-' || g,
        CASE WHEN ${isEarn} THEN g END, 'SYSTEM', ${at}
      FROM generate_series(1, ${MOVEMENTS}) g;`);
  await step("postings", `
    INSERT INTO "Posting" (id, "orgId", "movementId", "accountId", amount, "createdAt")
      SELECT 2 * g - 1, ${ORG}, g, ${ownerAccount}, CASE WHEN ${isEarn} THEN 1 ELSE -1 END * (${amount}), ${at} FROM generate_series(1, ${MOVEMENTS}) g
      UNION ALL
      SELECT 2 * g, ${ORG}, g, ${systemAccount}, CASE WHEN ${isEarn} THEN -1 ELSE 1 END * (${amount}), ${at} FROM generate_series(1, ${MOVEMENTS}) g;`);
  await step("lots", `
    INSERT INTO "PointsLot" (id, "orgId", "accountId", "movementId", amount, remaining, "earnedAt", "expiresAt")
      SELECT g, ${ORG}, ${ownerAccount}, g, ${amount}, CASE WHEN g % 3 = 0 THEN ${amount} ELSE 0 END, ${at}, ${at} + interval '365 days'
      FROM generate_series(1, ${MOVEMENTS}) g WHERE ${isEarn};`);
  await step("redemptions", `
    INSERT INTO "PointsRedemption" ("orgId", "customerId", "programId", "groupId", points, "movementIds", "createdAt")
      SELECT ${ORG}, ${cust(`((g * 13) % ${MEMBERS}) + 1`)}, ${PROGRAM}, CASE WHEN g <= ${GROUP_MOVEMENTS} THEN ${GROUP} END, ${amount}, ARRAY[g], ${at}
      FROM generate_series(1, ${MOVEMENTS}) g WHERE (${kind}) = 'REDEEM';`);
  await step("tier changes and audit", `
    INSERT INTO "TierChange" ("orgId", "programId", "customerId", "fromTierId", "toTierId", action, reason, cause, "actorType", at)
      SELECT ${ORG}, ${PROGRAM}, ${cust(`(g % ${CUSTOMERS}) + 1`)}, (SELECT id FROM "Tier" WHERE number = 1), (SELECT id FROM "Tier" WHERE number = 2), 'UPGRADE', 'bench', 'STRATEGY', 'SYSTEM', now() - g * interval '1 minute'
      FROM generate_series(1, 200000) g;
    INSERT INTO "AuditEntry" ("orgId", "actorType", "actorLabel", action, "entityType", "entityId", after, at)
      SELECT ${ORG}, 'SYSTEM', 'bench', 'points.adjust', 'Customer', ${cust(`(g % ${CUSTOMERS}) + 1`)}::text, jsonb_build_object('points', g % 100), now() - g * interval '1 second'
      FROM generate_series(1, 500000) g;`);
  await step("balances", `
    UPDATE "PointsAccount" a SET balance = s.total, "lifetimePoints" = s.earned
      FROM (SELECT "accountId", SUM(amount) AS total, COALESCE(SUM(amount) FILTER (WHERE amount > 0), 0) AS earned FROM "Posting" GROUP BY "accountId") s
      WHERE a.id = s."accountId";
    UPDATE "ProgramEnrollment" e SET "lifetimePoints" = a."lifetimePoints" FROM "PointsAccount" a WHERE a."ownerType" = 'CUSTOMER' AND a."ownerId" = e."customerId";`);
  for (const table of ["Customer", "CustomerIdentifier", "ProgramEnrollment", "UserGroup", "GroupMembership", "PointsAccount", "Transaction", "Movement", "Posting", "PointsLot", "PointsRedemption", "TierChange", "AuditEntry", "Tier"]) {
    await c.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${table}"))`).catch(() => undefined);
  }
  await c.query(`SET session_replication_role = origin`);
  await step("vacuum analyze", `VACUUM ANALYZE`);
  await c.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
