// The parts of `npm run chaos` (bench/chaos.ts) beyond the load itself: lots that fall due while
// processes are killed, swept by the two job-queue workers and checked to have expired exactly
// once; and the two-instance checks (a new LIVE workflow version and a revoked API client take
// effect on both instances at the next request, since per-org setup is cached per instance under
// Org.cacheVersion, lib/org/cache.ts, and revocation is read on every request).
import type { Owner } from "../lib/ledger/types";

type Db = (typeof import("../lib/db/client"))["db"];

export type ExpiryPlan = { due: { id: number; expiresAt: Date }[]; notDue: number[] };

/**
 * Lots on their own customers (the load never touches them, so only the sweep may consume them):
 * two per customer due at moments spread over the next `windowMs`, and one due in a year that no
 * sweep may take.
 */
export async function plantExpiringLots(orgId: number, programId: number, customers: number, windowMs: number): Promise<ExpiryPlan> {
  const { createCustomer } = await import("../lib/testing/groups-factories");
  const { award } = await import("../lib/testing/transfers-factories");
  const plan: ExpiryPlan = { due: [], notDue: [] };
  const now = Date.now();
  for (let c = 0; c < customers; c++) {
    const owner: Owner = { type: "CUSTOMER", id: (await createCustomer(orgId, { firstName: `Expiring ${c}` })).id };
    for (let k = 0; k < 2; k++) {
      const expiresAt = new Date(now + 3_000 + Math.random() * (windowMs - 3_000));
      plan.due.push({ id: (await award(orgId, programId, owner, 5 + ((c + k) % 7), { expiresAt })).lotId!, expiresAt });
    }
    plan.notDue.push((await award(orgId, programId, owner, 9, { expiresAt: new Date(now + 365 * 86_400_000) })).lotId!);
  }
  return plan;
}

/** Queues an expiry sweep as the recurring schedule does (one pending per key); returns its job id. */
export async function queueSweep(db: Db, options: { jobKey?: string } = {}): Promise<string> {
  const { enqueueJob } = await import("../lib/jobs/enqueue");
  return enqueueJob(db, "expiry:sweep", {}, { jobKey: options.jobKey, maxAttempts: 5 });
}

/** Waits until a worker has finished job `id` (graphile-worker deletes a job that succeeded). */
export async function waitForJob(db: Db, id: string, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await db.$queryRawUnsafe<{ n: number; errors: number }[]>(
      `SELECT count(*)::int AS n, COALESCE(max(attempts), 0)::int AS errors FROM graphile_worker.jobs WHERE id = $1::bigint`,
      id,
    );
    if (row!.n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * Every due lot has nothing left and exactly one consumption, by an EXPIRE movement, of its whole
 * amount; every lot not yet due is untouched. Returns the line to print and whether it holds.
 */
export async function checkExpiry(db: Db, plan: ExpiryPlan): Promise<{ line: string; ok: boolean }> {
  const ids = [...plan.due.map((l) => l.id), ...plan.notDue];
  const rows = await db.$queryRawUnsafe<{ id: number; amount: string; remaining: string; consumptions: number; expired: string; sweeps: string[] }[]>(
    `SELECT l.id, l.amount::text, l.remaining::text, count(c.id)::int AS consumptions,
            COALESCE(sum(c.amount) FILTER (WHERE m.kind = 'EXPIRE'), 0)::text AS expired,
            COALESCE(array_agg(DISTINCT m."sourceRef") FILTER (WHERE m.kind = 'EXPIRE'), '{}') AS sweeps
       FROM "PointsLot" l LEFT JOIN "LotConsumption" c ON c."lotId" = l.id LEFT JOIN "Movement" m ON m.id = c."movementId"
      WHERE l.id = ANY($1::int[]) GROUP BY l.id`,
    ids,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dueIds = new Set(plan.due.map((l) => l.id));
  const expiredOnce = plan.due.filter(({ id }) => {
    const r = byId.get(id);
    return r !== undefined && Number(r.remaining) === 0 && r.consumptions === 1 && Number(r.expired) === Number(r.amount);
  }).length;
  const kept = plan.notDue.filter((id) => {
    const r = byId.get(id);
    return r !== undefined && r.consumptions === 0 && Number(r.remaining) === Number(r.amount);
  }).length;
  const sweeps = new Set(rows.filter((r) => dueIds.has(r.id)).flatMap((r) => r.sweeps)).size;
  const ok = expiredOnce === plan.due.length && kept === plan.notDue.length;
  return { line: `chaos expiry due=${plan.due.length} expired-once=${expiredOnce} not-due-kept=${kept}/${plan.notDue.length} sweep-jobs=${sweeps} ${ok ? "ok" : "FAILED"}`, ok };
}

type Post = (port: number, url: string, body: unknown, key: string) => Promise<number>;

/**
 * A new LIVE workflow version (published through lib/, as the console does) awards the very next
 * bill on each instance: before, each instance's bill is awarded by the old version at 10 %;
 * after, by the new one at 20 %.
 */
export async function checkLiveWorkflow(db: Db, args: { orgId: number; programId: number; ports: number[]; mobile: string; post: Post }): Promise<{ line: string; ok: boolean }> {
  const { saveDraft } = await import("../lib/workflows/save-draft");
  const { publishWorkflow } = await import("../lib/workflows/publish");
  const { seedWorkflowDocument } = await import("../lib/workflows/seed-workflow");
  const admin = await db.user.findFirstOrThrow({ where: { orgId: args.orgId, role: "ADMIN" } });
  const principal = { actor: { kind: "user" as const, id: admin.id, label: admin.email }, role: "ADMIN" as const };
  const bill = async (port: number, key: string) => {
    const status = await args.post(port, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${args.mobile}`, { type: "REGULAR", billNumber: key, billAmount: 1000, extendedFields: { member_card_swiped: "No" } }, key);
    const [earned] = await db.$queryRawUnsafe<{ version: number | null; points: string | null }[]>(
      `SELECT max(m."workflowVersionId") AS version, sum(l.amount)::text AS points
         FROM "Transaction" t JOIN "Movement" m ON m."transactionId" = t.id AND m.kind = 'EARN' JOIN "PointsLot" l ON l."movementId" = m.id
        WHERE t."orgId" = $1 AND t.number = $2`,
      args.orgId,
      key,
    );
    return { status, version: earned?.version ?? null, points: Number(earned?.points ?? 0) };
  };
  const old = await db.workflowVersion.findFirstOrThrow({ where: { programId: args.programId, state: "LIVE" }, select: { id: true } });
  const before = await Promise.all(args.ports.map((port) => bill(port, `chaos-live-before-${port}`)));
  const document = seedWorkflowDocument();
  const earn = document.activities?.[0]?.rulesets?.[0]?.conditions?.[0]?.whenTrue?.[0];
  if (earn?.type !== "TRANSACTION_POINT_ALLOCATION" || earn.allocation.type !== "PRORATED") throw new Error("seed workflow changed shape");
  earn.allocation.percent = 20;
  await saveDraft({ orgId: args.orgId, programId: args.programId, principal, document });
  const published = await publishWorkflow({ orgId: args.orgId, programId: args.programId, principal, note: "chaos: 20 % on every instance" });
  if (published.kind !== "published") throw new Error("the publish became a request");
  const after = await Promise.all(args.ports.map((port) => bill(port, `chaos-live-after-${port}`)));
  const ok =
    before.every((b) => b.status === 200 && b.version === old.id && b.points === 100) &&
    after.every((b) => b.status === 200 && b.version === published.version.id && b.points === 200);
  const show = (bs: typeof before) => bs.map((b) => `${b.status}:v${b.version}:${b.points}`).join(",");
  return { line: `chaos live-workflow instances=${args.ports.length} before=${show(before)} after=${show(after)} ${ok ? "ok" : "FAILED"}`, ok };
}

/** An API client revoked through lib/ (as Settings → API clients does) is refused by both instances at once. */
export async function checkRevokedClient(db: Db, args: { orgId: number; ports: number[] }): Promise<{ line: string; ok: boolean }> {
  const { revokeApiClient } = await import("../lib/org/api-clients");
  const office = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;
  const statuses = () => Promise.all(args.ports.map((port) => fetch(`http://127.0.0.1:${port}/v2/programs`, { headers: { authorization: office } }).then((r) => r.status)));
  const before = await statuses();
  const admin = await db.user.findFirstOrThrow({ where: { orgId: args.orgId, role: "ADMIN" } });
  const client = await db.apiClient.findUniqueOrThrow({ where: { clientId: "demo-backoffice" }, select: { id: true } });
  await revokeApiClient({ orgId: args.orgId, actor: { kind: "user", id: admin.id, label: admin.email }, id: client.id });
  const after = await statuses();
  const ok = before.every((s) => s === 200) && after.every((s) => s === 401);
  return { line: `chaos revoked-client instances=${args.ports.length} before=${before.join(",")} after=${after.join(",")} ${ok ? "ok" : "FAILED"}`, ok };
}
