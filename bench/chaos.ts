// `npm run chaos` (issue 10 "Faults"): two production app instances on two ports and two job-queue
// workers on one PostgreSQL database (the demo org, seed 001's workflow LIVE, so bills earn); a
// load of bills (POST /v2/transactions) and redemptions (POST /v2/customers/{id}/redemptions) from
// several clients, each request alternating between the instances as a load balancer would and
// retried with its Idempotency-Key until it gets a definitive answer; meanwhile one process at a
// time is killed with SIGKILL at a random moment and restarted (at least 5 kills: the load runs on
// past CHAOS_SECONDS until then). Afterwards `ledger:verify` must pass, every acknowledged request
// must be in the database exactly once, and none more than once.
// Prints `chaos kills=<n> acked=<n> lost=<n> doubled=<n>` and exits 1 unless lost=0 doubled=0
// and the ledger verifies.
// Env: CHAOS_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/lc_chaos, recreated),
// CHAOS_SECONDS (60), CHAOS_PORTS (3301,3302), CHAOS_CLIENTS (6), CHAOS_DIST_DIR (.next-chaos),
// CHAOS_SKIP_BUILD=1 to reuse a build there (CI reuses the browser tests' .next).
import { recreateDatabase } from "./database";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const URL_ = process.env.CHAOS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lc_chaos";
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const PORTS = (process.env.CHAOS_PORTS ?? "3301,3302").split(",").map(Number);
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 6);
const DIST = process.env.CHAOS_DIST_DIR ?? ".next-chaos";
const MIN_KILLS = 5;
const SECRET = "chaos-secret-chaos-secret-chaos-secret-01";
process.env.DATABASE_URL = URL_;

type Proc = { name: string; start: () => ChildProcess; child: ChildProcess | null };

async function main() {
  await recreateDatabase(URL_);
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
  let kills = 0;
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const running = () => Date.now() < deadline || kills < MIN_KILLS;

  const killer = (async () => {
    while (running()) {
      await sleep((0.5 + Math.random() * 0.5) * ((SECONDS * 1000) / (MIN_KILLS + 2)));
      if (!running()) break;
      const victim = procs[Math.floor(Math.random() * procs.length)]!;
      if (!victim.child?.pid) continue;
      process.kill(-victim.child.pid, "SIGKILL");
      kills++;
      console.log(`chaos kill ${victim.name} at ${((Date.now() - started) / 1000).toFixed(1)}s`);
      await sleep(500 + Math.random() * 1_500);
      victim.child = victim.start();
      if (victim.name.startsWith("app:")) await waitUntilUp(Number(victim.name.slice(4)));
    }
  })();

  let sequence = 0;
  const refusals = new Map<string, string>();
  const client = async (c: number) => {
    while (running()) {
      const n = sequence++;
      const customer = customers[n % customers.length]!;
      // Two bills to one redemption: the wallets fill, and a redemption that finds too little is a
      // definitive refusal (counted apart), not a failure.
      const redeem = n % 3 === 2;
      const key = `chaos-${redeem ? "r" : "b"}-${c}-${n}`;
      const [url, body] = redeem
        ? [`/v2/customers/${customer.id}/redemptions`, { points: 1, programId, transactionNumber: key }]
        : [`/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${customer.mobile}`, { type: "REGULAR", billNumber: key, billAmount: 100 + (n % 400), extendedFields: { member_card_swiped: "No" } }];
      outcomes.set(key, "unknown");
      // Retries with the same key until a definitive answer (2xx or 4xx), alternating instances.
      for (let attempt = 0; attempt < 60; attempt++) {
        const port = PORTS[(n + attempt) % PORTS.length]!;
        const status = await fetch(`http://127.0.0.1:${port}${url}`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        }).then(async (r) => {
          if (r.status < 400 || r.status >= 500) return r.status;
          const text = await r.text();
          refusals.set(redeem ? "redemption" : "bill", `${r.status} ${text.slice(0, 200)}`);
          // A 409 with code 409 is a database conflict (retry); with a domain code (818: too few
          // points) it is the answer.
          return r.status === 409 && /"code":409\b/.test(text) ? 503 : r.status === 409 ? 422 : r.status;
        }, () => 0);
        if (status >= 200 && status < 300) {
          outcomes.set(key, "acked");
          break;
        }
        if (status >= 400 && status < 500 && status !== 429) {
          outcomes.set(key, "refused");
          break;
        }
        await sleep(200 + Math.min(attempt, 10) * 100);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  await killer;

  // No in-process state that a second instance misses: a client revoked now is refused by both.
  await Promise.all(PORTS.map((port) => waitUntilUp(port)));
  const office = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;
  const before = await Promise.all(PORTS.map((port) => fetch(`http://127.0.0.1:${port}/v2/programs`, { headers: { authorization: office } }).then((r) => r.status)));
  await db.apiClient.update({ where: { clientId: "demo-backoffice" }, data: { revokedAt: new Date() } });
  const after = await Promise.all(PORTS.map((port) => fetch(`http://127.0.0.1:${port}/v2/programs`, { headers: { authorization: office } }).then((r) => r.status)));
  const revokedOnBoth = before.every((s) => s === 200) && after.every((s) => s === 401);
  console.log(`chaos revoked-client before=${before.join(",")} after=${after.join(",")}`);
  for (const p of procs) if (p.child?.pid) process.kill(-p.child.pid, "SIGTERM");

  const counts = new Map(
    (
      await db.$queryRaw<{ key: string; n: number }[]>`
        SELECT number AS key, count(*)::int AS n FROM "Transaction" WHERE "orgId" = ${org.id} AND number LIKE 'chaos-%' GROUP BY number
        UNION ALL
        SELECT "transactionNumber", count(*)::int FROM "PointsRedemption" WHERE "orgId" = ${org.id} AND "transactionNumber" LIKE 'chaos-%' GROUP BY "transactionNumber"`
    ).map((r) => [r.key, r.n]),
  );
  const acked = [...outcomes].filter(([, o]) => o === "acked").map(([key]) => key);
  const lost = acked.filter((key) => (counts.get(key) ?? 0) !== 1).length;
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  const unknown = [...outcomes.values()].filter((o) => o === "unknown").length;
  const { verifyLedger } = await import("../lib/ledger/verify");
  const problems = await verifyLedger(db, org.id);
  const earned = await db.pointsAccount.aggregate({ where: { orgId: org.id }, _sum: { balance: true } });
  console.log(`chaos ledger-verify ${problems.length === 0 ? "ok" : `${problems.length} problem(s)`} unacknowledged=${unknown} refused=${[...outcomes.values()].filter((o) => o === "refused").length} redemptions-acked=${acked.filter((k) => k.startsWith("chaos-r-")).length} balance=${String(earned._sum.balance ?? 0)}`);
  for (const [kind, example] of refusals) console.log(`chaos refused ${kind}: ${example}`);
  console.log(`chaos kills=${kills} acked=${acked.length} lost=${lost} doubled=${doubled}`);
  await db.$disconnect();
  process.exit(lost === 0 && doubled === 0 && problems.length === 0 && kills >= MIN_KILLS && revokedOnBoth ? 0 : 1);
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
