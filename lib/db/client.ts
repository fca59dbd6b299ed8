import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";
import { statementName } from "./statement-names";

export type Db = PrismaClient;

/** The one way to build a Prisma client: the app's singleton, the seed and test fixtures use it. */
export function createPrismaClient(connectionString: string, poolSize = env().DATABASE_POOL_SIZE): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize }, { statementNameGenerator: statementName });
  return new PrismaClient({ adapter });
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
