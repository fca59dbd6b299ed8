// `npm run chaos` (issue 10 "Faults"): two production app instances on two ports and two job-queue
// workers on one PostgreSQL database (the demo org, seed 001's workflow LIVE, so bills earn); a
// load of bills (POST /v2/transactions), redemptions (POST /v2/customers/{id}/redemptions) and
// transfers both ways between customers and the demo family's group wallet (POST
// /v2/points/userGroup2/transfer) from several clients, each request alternating between the
// instances as a load balancer would and retried with its Idempotency-Key until it gets a
// definitive answer; lots that fall due during the run, swept by the two workers from expiry
// sweeps queued every two seconds (as the recurring schedule queues them, one pending at a time);
// meanwhile one process at a time is killed with SIGKILL at a random moment and restarted (at
// least 5 kills: the load runs on past CHAOS_SECONDS until then). Afterwards `ledger:verify` must
// pass, every acknowledged request must be in the database exactly once and none more than once,
// every due lot expired exactly once, and a new LIVE workflow version and a revoked API client
// take effect on both instances at the next request (bench/chaos-checks.ts).
// Prints `chaos kills=<n> acked=<n> lost=<n> doubled=<n>` last and exits 1 unless lost=0
// doubled=0 and every other check holds.
// Env: CHAOS_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/lc_chaos, recreated),
// CHAOS_SECONDS (60), CHAOS_PORTS (3301,3302), CHAOS_CLIENTS (6), CHAOS_DIST_DIR (.next-chaos),
// CHAOS_SKIP_BUILD=1 to reuse a build there (CI reuses the browser tests' .next).
import { checkExpiry, checkLiveWorkflow, checkRevokedClient, plantExpiringLots, queueSweep, waitForJob } from "./chaos-checks";
import { recreateDatabase } from "./database";
import { DEMO_FAMILY } from "../prisma/seed-groups";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const URL_ = process.env.CHAOS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lc_chaos";
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const PORTS = (process.env.CHAOS_PORTS ?? "3301,3302").split(",").map(Number);
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 6);
const DIST = process.env.CHAOS_DIST_DIR ?? ".next-chaos";
const MIN_KILLS = 5;
const EXPIRING_CUSTOMERS = 20;
const TRANSFER = "/v2/points/userGroup2/transfer";
const SECRET = "chaos-secret-chaos-secret-chaos-secret-01";
process.env.DATABASE_URL = URL_;

type Proc = { name: string; start: () => ChildProcess; child: ChildProcess | null };

async function main() {
  await recreateDatabase(URL_, { statementTimeoutMs: 30_000 });
  const { migrateDeploy } = await import("../lib/db/migrate");
  await migrateDeploy(URL_);
  const { migrateJobQueue } = await import("../lib/jobs/schema");
  await migrateJobQueue(URL_);
  const { seedDemo } = await import("../prisma/seed");
  await seedDemo(URL_);
  const { db } = await import("../lib/db/client");
  // The load is the point here, not the limiter.
  await db.apiClient.updateMany({ data: { rateLimitPerMinute: 0 } });
  const org = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" } });
  const customers = (await db.customerIdentifier.findMany({ where: { type: "MOBILE", customer: { orgId: org.id } }, select: { value: true, customerId: true } })).map((m) => ({ mobile: m.value, id: m.customerId }));
  const programId = await publishSeedWorkflow(org.id);
  if (process.env.CHAOS_SKIP_BUILD !== "1") build();

  const procs: Proc[] = [
    ...PORTS.map((port) => ({ name: `app:${port}`, start: () => startApp(port), child: null })),
    ...[1, 2].map((n) => ({ name: `worker:${n}`, start: startWorker, child: null })),
  ];
  for (const p of procs) p.child = p.start();
  await Promise.all(PORTS.map((port) => waitUntilUp(port)));

  const authorization = `Basic ${Buffer.from("demo-pos:demo-pos-secret").toString("base64")}`;
  const outcomes = new Map<string, "acked" | "refused" | "unknown">();
  const refusals = new Map<string, string>();
  /** Posts with `key` until a definitive answer (2xx or 4xx), alternating instances from `first`. */
  const send = async (kind: string, url: string, body: unknown, key: string, first: number): Promise<number> => {
    outcomes.set(key, "unknown");
    for (let attempt = 0; attempt < 60; attempt++) {
      const port = PORTS[(first + attempt) % PORTS.length]!;
      const status = await fetch(`http://127.0.0.1:${port}${url}`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      }).then(async (r) => {
        if (r.status < 400 || r.status >= 500) return r.status;
        const text = await r.text();
        refusals.set(kind, `${r.status} ${text.slice(0, 200)}`);
        // A 409 with code 409 is a database conflict (retry); with a domain code (818: too few
        // points) it is the answer.
        return r.status === 409 && /"code":409\b/.test(text) ? 503 : r.status === 409 ? 422 : r.status;
      }, () => 0);
      if (status >= 200 && status < 300) {
        outcomes.set(key, "acked");
        return status;
      }
      if (status >= 400 && status < 500 && status !== 429) {
        outcomes.set(key, "refused");
        return status;
      }
      await sleep(200 + Math.min(attempt, 10) * 100);
    }
    return 0;
  };

  // Planted now, with the processes up, so they fall due while the load runs.
  const expiring = await plantExpiringLots(org.id, programId, EXPIRING_CUSTOMERS, SECONDS * 1000 - 5_000);
  let kills = 0;
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const running = () => Date.now() < deadline || kills < MIN_KILLS;

  let round: Proc[] = [];
  const killer = (async () => {
    while (running()) {
      await sleep((0.5 + Math.random() * 0.5) * ((SECONDS * 1000) / (MIN_KILLS + 2)));
      if (!running()) break;
      // Random order, but every process in each round of procs.length kills: with 5 or more kills
      // both instances and both workers die at least once.
      if (round.length === 0) round = [...procs].sort(() => Math.random() - 0.5);
      const victim = round.pop()!;
      if (!victim.child?.pid) continue;
      process.kill(-victim.child.pid, "SIGKILL");
      kills++;
      console.log(`chaos kill ${victim.name} at ${((Date.now() - started) / 1000).toFixed(1)}s`);
      await sleep(500 + Math.random() * 1_500);
      victim.child = victim.start();
      if (victim.name.startsWith("app:")) await waitUntilUp(Number(victim.name.slice(4)));
    }
  })();
  // The recurring schedule's sweep, every two seconds instead of every fifteen minutes.
  const sweeper = (async () => {
    while (running()) {
      await queueSweep(db, { jobKey: "expiry:sweep" });
      await sleep(2_000);
    }
  })();

  const group = { type: "USERGROUP2", identifierType: "id", identifierValue: String(DEMO_FAMILY.id) };
  const primary = DEMO_FAMILY.members.find((m) => m.primaryMember)!.customerId;
  let sequence = 0;
  const client = async (c: number) => {
    while (running()) {
      const n = sequence++;
      const customer = customers[n % customers.length]!;
      const me = { type: "CUSTOMER", identifierType: "id", identifierValue: String(customer.id) };
      // Three bills to one redemption and two transfers (into the group wallet, and out of it on
      // its primary's request): the wallets fill, and a debit that finds too little is a
      // definitive refusal (counted apart), not a failure.
      const kind = (["bill", "bill", "redemption", "bill", "to-group", "from-group"] as const)[n % 6]!;
      const key = `chaos-${kind[0]}${kind === "from-group" ? "g" : ""}-${c}-${n}`;
      const [url, body] =
        kind === "redemption"
          ? [`/v2/customers/${customer.id}/redemptions`, { points: 1, programId, transactionNumber: key }]
          : kind === "to-group"
            ? [TRANSFER, { pointsTobeTransferred: 2, programId, notes: key, fromEntity: me, toEntity: group }]
            : kind === "from-group"
              ? [TRANSFER, { pointsTobeTransferred: 1, programId, notes: key, transferredBy: { identifierType: "id", identifierValue: String(primary) }, fromEntity: group, toEntity: me }]
              : [`/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${customer.mobile}`, { type: "REGULAR", billNumber: key, billAmount: 100 + (n % 400), extendedFields: { member_card_swiped: "No" } }];
      await send(kind, url, body, key, n);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  await Promise.all([killer, sweeper]);

  // Every process is up again: one last sweep after the last lot fell due, then the checks.
  await Promise.all(PORTS.map((port) => waitUntilUp(port)));
  const finalSweep = await waitForJob(db, await queueSweep(db));
  const expiry = await checkExpiry(db, expiring);
  console.log(`${expiry.line}${finalSweep ? "" : " (the last sweep did not finish)"}`);
  const post = (port: number, url: string, body: unknown, key: string) => send("live-workflow", url, body, key, PORTS.indexOf(port));
  const live = await checkLiveWorkflow(db, { orgId: org.id, programId, ports: PORTS, mobile: customers[0]!.mobile, post });
  console.log(live.line);
  const revoked = await checkRevokedClient(db, { orgId: org.id, ports: PORTS });
  console.log(revoked.line);
  for (const p of procs) if (p.child?.pid) process.kill(-p.child.pid, "SIGTERM");

  const counts = new Map(
    (
      await db.$queryRaw<{ key: string; n: number }[]>`
        SELECT number AS key, count(*)::int AS n FROM "Transaction" WHERE "orgId" = ${org.id} AND number LIKE 'chaos-%' GROUP BY number
        UNION ALL
        SELECT "transactionNumber", count(*)::int FROM "PointsRedemption" WHERE "orgId" = ${org.id} AND "transactionNumber" LIKE 'chaos-%' GROUP BY "transactionNumber"
        UNION ALL
        SELECT notes, count(*)::int FROM "PointsTransfer" WHERE "orgId" = ${org.id} AND notes LIKE 'chaos-%' GROUP BY notes`
    ).map((r) => [r.key, r.n]),
  );
  const acked = [...outcomes].filter(([, o]) => o === "acked").map(([key]) => key);
  const lost = acked.filter((key) => (counts.get(key) ?? 0) !== 1).length;
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  const unknown = [...outcomes.values()].filter((o) => o === "unknown").length;
  const { verifyLedger } = await import("../lib/ledger/verify");
  const problems = await verifyLedger(db, org.id);
  const earned = await db.pointsAccount.aggregate({ where: { orgId: org.id }, _sum: { balance: true } });
  const ackedOf = (prefix: string) => acked.filter((k) => k.startsWith(prefix)).length;
  console.log(`chaos ledger-verify ${problems.length === 0 ? "ok" : `${problems.length} problem(s)`} unacknowledged=${unknown} refused=${[...outcomes.values()].filter((o) => o === "refused").length} acked bills=${ackedOf("chaos-b-")} redemptions=${ackedOf("chaos-r-")} transfers-to-group=${ackedOf("chaos-t-")} transfers-from-group=${ackedOf("chaos-fg-")} balance=${String(earned._sum.balance ?? 0)}`);
  for (const [kind, example] of refusals) console.log(`chaos refused ${kind}: ${example}`);
  console.log(`chaos kills=${kills} acked=${acked.length} lost=${lost} doubled=${doubled}`);
  await db.$disconnect();
  const checks = finalSweep && expiry.ok && live.ok && revoked.ok;
  process.exit(lost === 0 && doubled === 0 && problems.length === 0 && kills >= MIN_KILLS && checks ? 0 : 1);
}

/** Seed 001's workflow LIVE on the default program (where bills earn); returns that program's id. */
async function publishSeedWorkflow(orgId: number): Promise<number> {
  const { db } = await import("../lib/db/client");
  const { saveDraft } = await import("../lib/workflows/save-draft");
  const { publishWorkflow } = await import("../lib/workflows/publish");
  const { seedWorkflowDocument } = await import("../lib/workflows/seed-workflow");
  const program = await db.program.findFirstOrThrow({ where: { orgId, isDefault: true } });
  const admin = await db.user.findFirstOrThrow({ where: { orgId, role: "ADMIN" } });
  const principal = { actor: { kind: "user" as const, id: admin.id, label: admin.email }, role: "ADMIN" as const };
  await saveDraft({ orgId, programId: program.id, principal, document: seedWorkflowDocument() });
  await publishWorkflow({ orgId, programId: program.id, principal, note: "chaos" });
  // Any whole number of points may be redeemed, in every program (the till's program is the one a
  // redemption draws on): a refusal then means an empty wallet, nothing else.
  const { setRedemptionStrategy } = await import("../lib/testing/redemption-factories");
  for (const { id } of await db.program.findMany({ where: { orgId }, select: { id: true } })) await setRedemptionStrategy(orgId, id);
  return program.id;
}

function startApp(port: number): ChildProcess {
  // detached: its own process group, so SIGKILL takes next start and anything it spawned.
  return spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST, DATABASE_URL: URL_, NEXTAUTH_SECRET: SECRET, WORKER: "false" },
  });
}

function startWorker(): ChildProcess {
  return spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "jobs", "worker-process.ts")], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: URL_ },
  });
}

async function waitUntilUp(port: number) {
  for (let i = 0; i < 240; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/v2/ping`).then((r) => r.status, () => 0);
    if (status === 401) return;
    await sleep(500);
  }
  throw new Error(`app on ${port} did not start`);
}

function build() {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const r = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" } });
  writeFileSync("tsconfig.json", tsconfig);
  if (r.status !== 0) throw new Error("next build failed");
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();
