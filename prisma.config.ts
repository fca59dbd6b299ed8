import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine; these machines are offline, so it runs our
// WASM-backed stand-in instead (prisma/schema-engine/schema-engine.mjs, see STACK.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/schema-engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // env("DATABASE_URL") throws when unset, even for `generate`; the launcher sets it for PGlite.
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
