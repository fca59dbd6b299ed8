import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";
import { statementName } from "./statement-names";

export type Db = PrismaClient;

/** The one way to build a Prisma client: the app's singleton, the seed and test fixtures use it. */
export function createPrismaClient(connectionString: string, poolSize = env().DATABASE_POOL_SIZE): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // $disconnect ends the pool too, as when the adapter made it.
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The node-postgres pool under a client made by createPrismaClient (lib/db/sql.ts sends to it directly). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("poolOf: this client was not made by createPrismaClient");
  return pool;
}

/** The app's pool, under the app's Prisma client. */
export function appPool(): pg.Pool {
  return poolOf(instance());
}

const globalForDb = globalThis as unknown as { __loyaltyDb?: PrismaClient };

function instance(): PrismaClient {
  // Cached on globalThis so Next.js hot reloads in development reuse one pool.
  globalForDb.__loyaltyDb ??= createPrismaClient(databaseUrl());
  return globalForDb.__loyaltyDb;
}

/**
 * The app's Prisma client. Created on first use, so importing lib/ code (e.g. during `next build`)
 * needs no database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** Closes the app's pool (tests and scripts that end). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.__loyaltyDb?.$disconnect();
  globalForDb.__loyaltyDb = undefined;
}
