import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appPool, db } from "./client";
import { statementName } from "./statement-names";

// The statements every API request makes (the caller's read, its rate limit) and a bill's member
// read go to the app's pool straight through node-postgres. Prisma's raw-query path costs 0.25 to
// 0.7 ms of CPU a call on top of the driver (more for JSON-heavy rows), more than PostgreSQL takes
// to run these statements, on the one thread that serves every request. The pool, the named
// statements and the error mapping (lib/db/errors.ts) are the same as Prisma's.

const TIMESTAMP = 1114;
const INT8 = 20;

// As Prisma reads them: timestamps (stored without zone, in UTC) as UTC Dates, bigint as bigint.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/** A value as a statement parameter: Dates as UTC ISO text (node-postgres would send local time). */
export type SqlValue = string | number | boolean | null | Date | string[] | number[];

/** Runs one statement on the app's pool as a named prepared statement and returns its rows. */
export async function sqlRows<Row>(text: string, values: SqlValue[]): Promise<Row[]> {
  const result = await appPool().query({
    name: statementName({ sql: text }) || undefined,
    text,
    values: values.map((v) => (v instanceof Date ? v.toISOString() : v)),
    types,
  });
  return result.rows as Row[];
}

/**
 * One statement on `tx`: past Prisma when `tx` is the app client itself (runPrepared hands it to
 * work sent alone, lib/api/idempotency.ts), inside the caller's transaction otherwise.
 */
export async function sqlRowsOn<Row>(tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">, text: string, values: SqlValue[]): Promise<Row[]> {
  if (tx === db) return sqlRows<Row>(text, values);
  return tx.$queryRawUnsafe<Row[]>(text, ...values);
}
