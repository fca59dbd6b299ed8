import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright drives Debian's Chromium: these machines cannot download Playwright's own browser.
const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM}; the browser tests need it.\n` +
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "(npx playwright install does not work offline; .ci/run installs it for CI.)",
  );
}

// Several checkouts (or helpers) may run the browser tests at once on one machine: ports and the
// build directory can be moved with E2E_PORT, E2E_DB_PORT and NEXT_DIST_DIR.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54391);
export const ADMIN_STATE = `e2e/.auth/admin-${PORT}.json`;
// Everything the web server prints goes to this file as well (its stderr still shows here), and
// e2e/global-teardown.ts searches it for the demo secrets once the run is over (issue 10).
export const SERVER_LOG = `e2e/.logs/server-${PORT}.log`;
export const E2E_AUTH_SECRET = "e2e-only-secret-e2e-only-secret-e2e-only";
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: ADMIN_STATE },
      dependencies: ["setup"],
    },
  ],
  // A production build on a fresh in-memory embedded database, seeded with the demo org.
  webServer: {
    // stdout to the log only; stderr to the log and on to Playwright's output.
    command: `mkdir -p e2e/.logs && : > ${SERVER_LOG} && { npm run build && npm start; } 2>&1 >>${SERVER_LOG} | tee -a ${SERVER_LOG} >&2`,
    url: `http://localhost:${PORT}/login`,
    // A production build on 2 busy cores can take several minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      EMBEDDED_DB_DIR: "memory://",
      EMBEDDED_DB_PORT: String(DB_PORT),
      SEED_DEMO: "true",
      NEXTAUTH_SECRET: E2E_AUTH_SECRET,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
    },
  },
});
