import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // "server-only" throws outside React Server Components; under Vitest lib/ runs as plain Node.
  "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
};
const include = ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default (cores - 1) is one worker on a 2-core CI machine; the integration tests
    // wait on their database half the time, so two workers there use both cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include, exclude: ["**/*.db.test.ts", "**/node_modules/**"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          // Integration tests on a real database: each test file gets its own (lib/testing).
          name: "db",
          include: include.map((p) => p.replace(".test.ts", ".db.test.ts")),
          // *.pg.db.test.ts need a PostgreSQL server (e.g. killing one backend of several): they run
          // when DATABASE_URL names one (CI's second pass), and are not collected on PGlite.
          exclude: ["**/node_modules/**", ...(process.env.DATABASE_URL ? [] : ["**/*.pg.db.test.ts"])],
          environment: "node",
          globalSetup: ["./lib/testing/db-global-setup.ts"],
          setupFiles: ["./lib/testing/db-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
