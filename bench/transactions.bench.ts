// `npm run bench:transactions`: AddTransaction over HTTP against a production build on the
// PostgreSQL server, beside two ceilings measured in the same run (issue 13):
//   - an authenticated no-op route of the same build (GET /v2/ping), 16 connections;
//   - pgbench running the raw SQL of one earn (the bill, the KPIs, one ledger_post call).
// Scenarios: spread (16 connections over many customers), spread-32 (32), hot-group (16, every
// bill credits one group wallet), redeem-hot (16 redeeming from that wallet; 818s are expected
// only once it is empty, shown apart as expected-818). Output:
//   tx noop <req/s> <p99-ms>
//   tx pgbench <tps> <avg-latency-ms>
//   tx <scenario> <req/s> <p99-ms> <ratio-to-noop> <ratio-to-pgbench>
//   tx <scenario> detail p50=… p95=… p99=… requests=… errors=…
// Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/lc_bench, recreated),
// BENCH_SECONDS (30), BENCH_PORT (3204), BENCH_POOL (DATABASE_POOL_SIZE of the server, 8),
// BENCH_SKIP_BUILD=1 to reuse .next-bench, BENCH_ONLY=noop,spread to run some lines (the no-op and
// pgbench ceilings always run), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") for the server's node alone.
import { recreateDatabase } from "./database";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lc_bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3204);
const POOL = process.env.BENCH_POOL ?? "8";
const DIST = ".next-bench";
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const runs = (line: string) => !ONLY || ONLY.has(line);
const CUSTOMERS = 2000;
const HOT_MEMBERS = 400;
process.env.DATABASE_URL = BENCH_URL;

async function main() {
  // A runaway statement is stopped (shared server: it could block other databases' DROP DATABASE).
  await recreateDatabase(BENCH_URL, { statementTimeoutMs: 60_000 });
  const { migrateDeploy } = await import("../lib/db/migrate");
  await migrateDeploy(BENCH_URL);
  const seed = await seedBench();
  if (process.env.BENCH_SKIP_BUILD !== "1") build();
  const server = await startServer();
  try {
    const noop = await load("noop", 16, () => ({ method: "GET", path: "/v2/ping" }), seed.authorization);
    console.log(`tx noop ${noop.rps.toFixed(0)} ${noop.p99.toFixed(1)}`);
    const pgb = runPgbench(seed);
    // pgbench leaves thousands of dead versions of the rows it updated (the program's issuance
    // counter above all, which every bill updates too): clean up so the next scenario does not pay.
    await settle();
    console.log(`tx pgbench ${pgb.tps.toFixed(0)} ${pgb.latency.toFixed(1)}`);
    const scenarios: [string, number, (n: number) => { mobile: string; swiped: "Yes" | "No" }][] = [
      ["spread", 16, (n) => ({ mobile: seed.loners[n % seed.loners.length]!, swiped: "No" })],
      ["spread-32", 32, (n) => ({ mobile: seed.loners[(n * 7919) % seed.loners.length]!, swiped: "No" })],
      ["hot-group", 16, (n) => ({ mobile: seed.hot[n % seed.hot.length]!, swiped: "Yes" })],
    ];
    for (const [name, connections, pick] of scenarios.filter(([name]) => runs(name))) {
      let n = 0;
      const r = await load(name, connections, () => {
        const who = pick(n++);
        return {
          method: "POST",
          path: `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${who.mobile}`,
          body: JSON.stringify({ type: "REGULAR", billNumber: `${name}-${process.pid}-${n}`, billAmount: 100 + (n % 900), extendedFields: { member_card_swiped: who.swiped } }),
        };
      }, seed.authorization);
      console.log(`tx ${name} ${r.rps.toFixed(0)} ${r.p99.toFixed(1)} ${(r.rps / noop.rps).toFixed(2)} ${(r.rps / pgb.tps).toFixed(2)}`);
      console.log(`tx ${name} detail p50=${r.p50.toFixed(1)} p95=${r.p95.toFixed(1)} p99=${r.p99.toFixed(1)} requests=${r.count} errors=${r.errors}`);
    }
    // 16 clients redeeming from the one family wallet (issue 11): only 818s once it is empty count as expected.
    if (runs("redeem-hot")) {
      let r = 0;
      const hot = await load("redeem-hot", 16, () => {
        r++;
        return {
          method: "POST",
          path: `/v2/customers/${seed.hotPrimaryId}/redemptions`,
          body: JSON.stringify({ points: 10, userGroup2Id: seed.groupId, transactionNumber: `redeem-${process.pid}-${r}` }),
        };
      }, seed.authorization, (status) => status === 409);
      console.log(`tx redeem-hot ${hot.rps.toFixed(0)} ${hot.p99.toFixed(1)} ${(hot.rps / noop.rps).toFixed(2)} ${(hot.rps / pgb.tps).toFixed(2)}`);
      console.log(`tx redeem-hot detail p50=${hot.p50.toFixed(1)} p95=${hot.p95.toFixed(1)} p99=${hot.p99.toFixed(1)} requests=${hot.count} errors=${hot.errors} expected-818=${hot.expected}`);
    }
    const { verifyLedger } = await import("../lib/ledger/verify");
    const { db } = await import("../lib/db/client");
    const problems = await verifyLedger(db, seed.orgId);
    console.log(problems.length === 0 ? "tx ledger-verify ok" : `tx ledger-verify ${problems.length} problem(s)`);
    await db.$disconnect();
  } finally {
    server.kill("SIGTERM");
  }
}


/** An org telling seed 001's story: the mutually exclusive workflow LIVE, loners and one big family. */
async function seedBench() {
  const { db } = await import("../lib/db/client");
  const { hashSecret } = await import("../lib/auth/password");
  const { saveDraft } = await import("../lib/workflows/save-draft");
  const { publishWorkflow } = await import("../lib/workflows/publish");
  const { seedWorkflowDocument, MEMBER_CARD_SWIPED } = await import("../lib/workflows/seed-workflow");
  const org = await db.org.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const program = await db.program.create({ data: { orgId: org.id, name: "Bench Default", isDefault: true, active: true } });
  await db.orgConfig.createMany({ data: [{ orgId: org.id, key: "CONF_USER_GROUP_ENABLED", value: true }, { orgId: org.id, key: "CONF_USER_GROUP_SIZE", value: 30000 }] });
  await db.extendedFieldDef.create({ data: { orgId: org.id, scope: "TRANSACTION", name: MEMBER_CARD_SWIPED, type: "ENUM", allowedValues: ["Yes", "No"] } });
  const admin = await db.user.create({ data: { orgId: org.id, email: `bench-${org.id}@bench.local`, name: "Bench admin", role: "ADMIN", passwordHash: await hashSecret("x") } });
  const principal = { actor: { kind: "user" as const, id: admin.id, label: admin.email }, role: "ADMIN" as const };
  await saveDraft({ orgId: org.id, programId: program.id, principal, document: seedWorkflowDocument() });
  await publishWorkflow({ orgId: org.id, programId: program.id, principal, note: "bench" });
  const secret = "bench-secret";
  const client = await db.apiClient.create({ data: { orgId: org.id, clientId: `bench-${org.id}`, name: "Bench POS", secretHash: await hashSecret(secret), scopes: ["transactions:write", "points:read", "points:write"],
    // A limit it never reaches: the limiter's statement stays on the measured path.
    rateLimitPerMinute: 1_000_000_000 } });
  const customers = await db.customer.createManyAndReturn({ data: Array.from({ length: CUSTOMERS }, (_, i) => ({ orgId: org.id, firstName: `C${i}` })), select: { id: true } });
  const mobiles = customers.map((c, i) => ({ id: c.id, mobile: `90${String(i).padStart(8, "0")}` }));
  await db.customerIdentifier.createMany({ data: mobiles.map((m) => ({ orgId: org.id, customerId: m.id, type: "MOBILE" as const, value: m.mobile })) });
  const group = await db.userGroup.create({ data: { orgId: org.id, externalId: "HOT", groupName: "Hot family", maxGroupSize: 30000 } });
  const hot = mobiles.slice(0, HOT_MEMBERS);
  await db.groupMembership.createMany({ data: hot.map((m, i) => ({ orgId: org.id, groupId: group.id, customerId: m.id, primaryMember: i === 0, defaultGroup: true })) });
  await db.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS bench_bill_seq`);
  // redeem-hot: a redemption strategy (any whole number) and a wallet deep enough for the run.
  const { saveProgramStrategies } = await import("../lib/programs/strategies/save");
  const { programStrategiesFormSchema } = await import("../lib/programs/strategies/schema");
  const { earn } = await import("../lib/ledger/post");
  await saveProgramStrategies({
    orgId: org.id,
    actor: principal.actor,
    input: programStrategiesFormSchema.parse({
      programId: program.id, pointsToCurrencyRatio: "1", transfersAllowed: true, redemptionEnabled: true, minimumPoints: "1", maximumPerTransaction: "",
      multiplesOf: "", eligibilityBasis: "NONE", eligibilityThreshold: "", expiryType: "NEVER", expiryValue: "", expiryUnit: "MONTHS",
    }),
  });
  await db.$transaction((tx) => earn(tx, { orgId: org.id, programId: program.id, owner: { type: "USERGROUP", id: group.id }, points: 1_000_000, provenance: { actor: principal.actor, sourceType: "BENCH" } }));
  await db.$disconnect();
  return {
    orgId: org.id, programId: program.id, apiClientId: client.id,
    authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString("base64")}`,
    hot: hot.map((m) => m.mobile), hotPrimaryId: hot[0]!.id, groupId: group.id, loners: mobiles.slice(HOT_MEMBERS).map((m) => m.mobile),
    firstLoner: mobiles[HOT_MEMBERS]!.id, lastLoner: mobiles.at(-1)!.id,
  };
}

function build() {
  // next build adds its dist dir's types to tsconfig.json's include; keep the file as committed.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const r = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" } });
  writeFileSync("tsconfig.json", tsconfig);
  if (r.status !== 0) throw new Error("next build failed");
}

async function startServer(): Promise<ChildProcess> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST, DATABASE_URL: BENCH_URL, DATABASE_POOL_SIZE: POOL, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123" },
  });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/api/v2/ping`);
      if (r.status === 401) return child;
    } catch {
      // not up yet
    }
    await new Promise((res) => setTimeout(res, 500));
  }
  child.kill();
  throw new Error("the server did not start");
}

type Shot = { method: "GET" | "POST"; path: string; body?: string };

async function load(name: string, connections: number, next: () => Shot, authorization: string, isExpected: (status: number) => boolean = () => false) {
  const latencies: number[] = [];
  let errors = 0;
  let expected = 0;
  // Warm-up (compiles routes, fills caches), then the measured run.
  await run(Math.min(3, SECONDS), () => {});
  const result = await run(SECONDS, (status, ms) => {
    latencies.push(ms);
    if (status >= 300 && isExpected(status)) expected++;
    else if (status >= 300) errors++;
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  void name;
  return { rps: result.requests.total / SECONDS, p50: at(0.5), p95: at(0.95), p99: at(0.99), count: latencies.length, errors: errors + result.errors, expected };

  function run(duration: number, onResponse: (status: number, ms: number) => void): Promise<autocannon.Result> {
    return new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: `http://127.0.0.1:${PORT}`,
          connections,
          duration,
          headers: { authorization, "content-type": "application/json" },
          requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
    });
  }
}

async function settle() {
  const { db } = await import("../lib/db/client");
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "PointsAccount", "ProgramEnrollment", "Transaction", "PointsLot", "Posting", "Movement"`);
  await db.$disconnect();
}

/** The database's own ceiling: one earn as raw SQL (bill, KPIs, ledger_post), 16 clients. */
function runPgbench(seed: Awaited<ReturnType<typeof seedBench>>) {
  const script = path.join(os.tmpdir(), `lc-bench-${process.pid}.sql`);
  writeFileSync(
    script,
    `\\set c random(${seed.firstLoner}, ${seed.lastLoner})
BEGIN;
WITH t AS (
  INSERT INTO "Transaction" ("orgId", "customerId", type, number, amount, discount, "billedAt", "extendedFields", "lineItems", "programIds")
  VALUES (${seed.orgId}, (:c)::int, 'REGULAR', 'pg-' || nextval('bench_bill_seq'), 500, 0, now(), '{}', '[]', ARRAY[${seed.programId}]) RETURNING id
)
SELECT ledger_post(jsonb_build_object('orgId', ${seed.orgId}, 'programId', ${seed.programId}, 'kind', 'EARN', 'counter', 'ISSUANCE',
  'ownerType', 'CUSTOMER', 'ownerId', (:c)::int, 'amount', 50, 'sourceType', 'TRANSACTION', 'transactionId', t.id,
  'actorType', 'API_CLIENT', 'actorId', ${seed.apiClientId})) FROM t;
INSERT INTO "ProgramEnrollment" ("orgId", "programId", "customerId", "lifetimePurchases", "lifetimePoints", visits)
VALUES (${seed.orgId}, ${seed.programId}, (:c)::int, 500, 50, 1)
ON CONFLICT ("programId", "customerId") DO UPDATE SET "lifetimePurchases" = "ProgramEnrollment"."lifetimePurchases" + 500,
  "lifetimePoints" = "ProgramEnrollment"."lifetimePoints" + 50, visits = "ProgramEnrollment".visits + 1;
COMMIT;
`,
  );
  const r = spawnSync("pgbench", ["-n", "-M", "prepared", "-c", "16", "-j", "2", "-T", String(SECONDS), "-f", script, BENCH_URL], { encoding: "utf8" });
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1] ?? NaN);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(r.stdout)?.[1] ?? NaN);
  if (!Number.isFinite(tps)) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  return { tps, latency };
}

await main();
