import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { embeddedUrl, servePglite } from "@/lib/db/embedded";
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
  // A fresh in-memory database per file, loaded from the copy db-global-setup migrated once.
  const pglite = await PGlite.create({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(inject("pgliteImage"))]) });
  const server = await servePglite(pglite, { port: 0, maxConnections: 20 });
  process.env.DATABASE_URL = embeddedUrl(server.port);
  teardown = async () => {
    await server.stop();
    await pglite.close();
  };
}

afterAll(async () => {
  await disconnectDb();
  await teardown();
});
