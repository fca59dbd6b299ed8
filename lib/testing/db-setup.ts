import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { servePglite } from "@/lib/db/embedded";
import { admin, withDatabase } from "./db-global-setup";

// Runs before each integration test file: gives the file a database of its own, migrated, and
// points DATABASE_URL (read by lib/env) at it. Files therefore run in parallel without sharing rows.
const serverUrl = inject("pgServerUrl");
let teardown: () => Promise<void>;

if (serverUrl) {
  const name = `lc_test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  teardown = () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  const pglite = await PGlite.create("memory://");
  // The same migration SQL that Prisma Migrate applies (prisma/migrations), run directly: a
  // fresh in-memory database per file is faster this way than spawning the CLI.
  const dir = path.join(process.cwd(), "prisma", "migrations");
  for (const migration of readdirSync(dir).filter((d) => /^\d+_/.test(d)).sort()) {
    await pglite.exec(readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));
  }
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  const server = await servePglite(pglite, { port, maxConnections: 20 });
  process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  teardown = async () => {
    await server.stop();
    await pglite.close();
  };
}

afterAll(async () => {
  await disconnectDb();
  await teardown();
});
