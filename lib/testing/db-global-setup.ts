import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { embeddedUrl, servePglite } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { migrateJobQueue } from "@/lib/jobs/schema";

// With DATABASE_URL set, integration tests run on that PostgreSQL server: we migrate a template
// database once with Prisma Migrate, and each test file clones it (lib/testing/db-setup.ts).
// Without it, each test file starts its own in-memory PGlite, loaded from a data directory we
// migrate once here: a fresh PGlite runs initdb and every migration, which cost each file about
// twice as long as loading the migrated copy.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const file = path.join(tmpdir(), `lc-pglite-template-${randomBytes(4).toString("hex")}.tar`);
    writeFileSync(file, await migratedPgliteImage());
    project.provide("pgliteImage", file);
    return () => rmSync(file, { force: true });
  }
  const template = `lc_test_template_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${template}"`);
  await migrateDeploy(withDatabase(serverUrl, template));
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", template);
  return async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}

/** An in-memory PGlite with every migration applied (and the job queue's schema), as a data-directory tarball. */
async function migratedPgliteImage(): Promise<Uint8Array> {
  const pglite = await PGlite.create("memory://");
  try {
    for (const sql of migrationScripts()) await pglite.exec(sql);
    // graphile-worker migrates through a connection string: serve the database for that moment.
    const server = await servePglite(pglite, { port: 0, maxConnections: 4 });
    try {
      await migrateJobQueue(embeddedUrl(server.port));
    } finally {
      await server.stop();
    }
    return new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer());
  } finally {
    await pglite.close();
  }
}

/** The same migration SQL that Prisma Migrate applies (prisma/migrations), in order. */
export function migrationScripts(): string[] {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return readdirSync(dir)
    .filter((d) => /^\d+_/.test(d))
    .sort()
    .map((migration) => readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));
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
    pgliteImage: string;
  }
}
