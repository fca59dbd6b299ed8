import { describe, expect, it } from "vitest";
import pg from "pg";
import { createPrismaClient, db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { createOrg } from "@/lib/testing/factories";
import { DB_MESSAGES, isUniqueViolation, mapDbError, toAppError } from "./errors";

// Real errors from the real database (PGlite, or PostgreSQL with DATABASE_URL), through Prisma and
// the driver adapter, as the app meets them.
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database to refuse");
}

const raise = (sqlState: string) => db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = '${sqlState}'; END $$`);

describe("toAppError", () => {
  it("makes a unique violation from a model query a 409 conflict", async () => {
    const { org } = await createOrg();
    await db.zone.create({ data: { orgId: org.id, code: "Z1", name: "Z" } });
    const error = await failure(() => db.zone.create({ data: { orgId: org.id, code: "Z1", name: "Z again" } }));
    expect(isUniqueViolation(error)).toBe(true);
    expect(toAppError(error)).toMatchObject({ kind: "CONFLICT", status: 409, code: 409, message: DB_MESSAGES.unique });
  });

  it("makes serialisation failures and deadlocks, from raw SQL too, a 409 that says to try again", async () => {
    for (const state of ["40001", "40P01", "55P03"]) {
      const mapped = toAppError(await failure(() => raise(state)));
      expect(mapped).toMatchObject({ kind: "CONFLICT", status: 409, message: DB_MESSAGES.conflict });
    }
    const inTx = await failure(() => db.$transaction(async (tx) => tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$`)));
    expect(toAppError(inTx)?.status).toBe(409);
  });

  it("makes a broken foreign key or CHECK constraint a 409, and a missing row a 404", async () => {
    const { org, defaultProgram } = await createOrg();
    const fk = await failure(() => db.store.create({ data: { orgId: org.id, code: "S", name: "S", zoneId: 2_000_000_000, conceptId: 2_000_000_000 } }));
    expect(toAppError(fk)).toMatchObject({ kind: "CONFLICT", message: DB_MESSAGES.inUse });
    const check = await failure(() => db.program.update({ where: { id: defaultProgram.id }, data: { pointsToCurrencyRatio: -1 } }));
    expect(toAppError(check)).toMatchObject({ kind: "CONFLICT", message: DB_MESSAGES.rule });
    const missing = await failure(() => db.zone.update({ where: { id: 2_000_000_000 }, data: { name: "x" } }));
    expect(toAppError(missing)).toMatchObject({ kind: "NOT_FOUND", status: 404 });
  });

  it("makes an expired transaction and an unreachable database a 503, not a bug", async () => {
    const expired = await failure(() => db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_sleep(0.3)`;
    }, { timeout: 50 }));
    expect(toAppError(expired)).toMatchObject({ kind: "UNAVAILABLE", status: 503 });
    const nowhere = createPrismaClient("postgresql://postgres@127.0.0.1:9/none?connect_timeout=2", 1);
    const unreachable = await failure(() => nowhere.org.count());
    await nowhere.$disconnect();
    expect(toAppError(unreachable)).toMatchObject({ kind: "UNAVAILABLE", message: DB_MESSAGES.busy });
  });

  it("makes a dropped connection (backend terminated, connection exceptions) a 503", async () => {
    // As the server reports them (lib/api/connection-dropped.pg.db.test.ts terminates a real backend).
    for (const state of ["57P01", "57P02", "57P03", "08006", "08003"]) {
      expect(toAppError(await failure(() => raise(state)))).toMatchObject({ kind: "UNAVAILABLE", status: 503, message: DB_MESSAGES.busy });
    }
  });

  it("maps node-postgres' own errors the same (statements sent past Prisma, lib/db/sql.ts)", async () => {
    const { org } = await createOrg();
    const insert = `INSERT INTO "Zone" ("orgId", code, name, "updatedAt") VALUES ($1, 'Z1', 'Z', now())`;
    await sqlRows(insert, [org.id]);
    expect(toAppError(await failure(() => sqlRows(insert, [org.id])))).toMatchObject({ kind: "CONFLICT", status: 409, message: DB_MESSAGES.unique });
    expect(toAppError(await failure(() => sqlRows(`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$`, [])))).toMatchObject({ status: 409, message: DB_MESSAGES.conflict });
    const nowhere = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:9/none?connect_timeout=2", max: 1 });
    const unreachable = await failure(() => nowhere.query("SELECT 1"));
    await nowhere.end();
    expect(toAppError(unreachable)).toMatchObject({ kind: "UNAVAILABLE", status: 503, message: DB_MESSAGES.busy });
  });

  it("leaves what it cannot explain alone: a bug stays a bug", async () => {
    expect(toAppError(new Error("boom"))).toBeNull();
    expect(toAppError(await failure(() => db.$executeRawUnsafe("SELECT * FROM no_such_table")))).toBeNull();
    expect(toAppError(await failure(() => raise("P0001")))).toBeNull();
  });
});

describe("mapDbError", () => {
  it("puts a call site's words on a unique violation, and only on that", async () => {
    const { org } = await createOrg();
    await db.concept.create({ data: { orgId: org.id, code: "C1", name: "C" } });
    const dup = await failure(() => db.concept.create({ data: { orgId: org.id, code: "C1", name: "C" } }));
    expect(mapDbError(dup, { unique: "Code C1 is taken.", field: "code" })).toMatchObject({ message: "Code C1 is taken.", field: "code" });
    const conflict = mapDbError(await failure(() => raise("40001")), { unique: "Code C1 is taken.", field: "code" });
    expect(conflict).toBeInstanceOf(AppError);
    expect(conflict).toMatchObject({ message: DB_MESSAGES.conflict, field: undefined });
  });
});

// Two SERIALIZABLE transactions that each read what the other writes (write skew): on PostgreSQL
// one of them must fail with 40001, and the app must see a 409, never a 500; PGlite runs them one
// after the other, so both commit and the second sees the first. Either way the rule holds: at
// most one of the two "last on call" updates lands.
describe("a real serialisation conflict", () => {
  it("reaches the caller as a 409 conflict and keeps the rule", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE on_call (id int PRIMARY KEY, on_duty boolean NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO on_call VALUES (1, true), (2, true)`);
    let arrived = 0;
    const bothRead = () =>
      new Promise<void>((resolve) => {
        arrived += 1;
        // Wait for the other transaction to have read too; on PGlite it cannot start until this
        // one ends, so stop waiting after a moment instead of deadlocking.
        const started = Date.now();
        const tick = () => (arrived >= 2 || Date.now() - started > 300 ? resolve() : setTimeout(tick, 5));
        tick();
      });
    const goOffDuty = (id: number) =>
      db.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM on_call WHERE on_duty`;
          await bothRead();
          if ((row?.n ?? 0) >= 2) await tx.$executeRaw`UPDATE on_call SET on_duty = false WHERE id = ${id}`;
        },
        { isolationLevel: "Serializable" },
      );
    const results = await Promise.allSettled([goOffDuty(1), goOffDuty(2)]);
    for (const r of results) {
      if (r.status === "rejected") expect(toAppError(r.reason)).toMatchObject({ kind: "CONFLICT", status: 409 });
    }
    const [after] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM on_call WHERE on_duty`;
    expect(after?.n).toBe(1);
  });
});
