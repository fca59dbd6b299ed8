import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/lib/db/migrate";

// With DATABASE_URL set, integration tests run on that PostgreSQL server: we migrate a template
// database once with Prisma Migrate, and each test file clones it (lib/testing/db-setup.ts).
// Without it, each test file starts its own in-memory PGlite instead; nothing to do here.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const template = `lc_test_template_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${template}"`);
  await migrateDeploy(withDatabase(serverUrl, template));
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", template);
  return async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
