import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { withApiClient } from "./with-api-client";

// Issue 10 "Faults": the database connection dropped mid-request (its PostgreSQL backend
// terminated, as a failover or an admin's pg_terminate_backend does) is a clean 503 with
// Retry-After in the vendor's envelope, not a hang or a 500; and the next request works. On the
// PostgreSQL server only: PGlite has one backend and nothing to terminate it with (CI runs the db
// project on both).

const MARK = "connection_dropped_test";
const slowRead = withApiClient({}, async () => db.$queryRawUnsafe(`SELECT pg_sleep(30), '${MARK}_read'`));
const slowTransaction = withApiClient({}, async () =>
  db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT 1");
    return tx.$queryRawUnsafe(`SELECT pg_sleep(30), '${MARK}_tx'`);
  }, { timeout: 60_000 }),
);
const ping = withApiClient({}, async () => db.$queryRaw`SELECT 1 AS one`.then(() => ({ ok: true })));

type ErrorBody = { warnings: unknown[]; errors: { status: boolean; code: number; message: string }[] };

/** Terminates the backend running the query marked `tag` once it shows up. */
async function terminateWhenRunning(tag: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query<{ done: boolean }>(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query LIKE $1 AND query NOT LIKE '%pg_stat_activity%'`,
        [`%${tag}%`],
      );
      if (rows.some((r) => r.done)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no backend ran ${tag}`);
  } finally {
    await admin.end();
  }
}

describe("a dropped database connection", () => {
  for (const [name, handler, tag] of [["a read", slowRead, `${MARK}_read`], ["an interactive transaction", slowTransaction, `${MARK}_tx`]] as const) {
    it(`answers ${name} with 503, Retry-After and the envelope, and the next request works`, async () => {
      const { org } = await createOrg();
      const { authorization } = await createApiClient(org.id);
      const [res] = await Promise.all([callRoute(handler, "/v2/x", { headers: { authorization } }), terminateWhenRunning(tag)]);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const body = res.body as ErrorBody;
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({ status: false, code: 503 });
      expect(body.errors[0]?.message).toMatch(/^The database is busy or unreachable right now\. Nothing was saved; try again in a moment\./);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|terminat|pg_sleep/);
      expect((await callRoute(ping, "/v2/ping", { headers: { authorization } })).status).toBe(200);
    });
  }

  it("survives every idle pooled connection being terminated between requests: the next request is answered", async () => {
    const { org } = await createOrg();
    const { authorization } = await createApiClient(org.id);
    // Several requests at once leave several idle connections in the pool.
    await Promise.all(Array.from({ length: 4 }, () => callRoute(ping, "/v2/ping", { headers: { authorization } })));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ done: boolean }>(
      "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the pool hears of the closed sockets
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callRoute(ping, "/v2/ping", { headers: { authorization } })).status);
    expect(statuses).toEqual([200, 200, 200]);
  });
});
