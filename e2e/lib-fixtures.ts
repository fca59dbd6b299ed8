import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";

// Fresh orgs built through lib/ for specs that need activity the demo org does not have (a LIVE
// workflow earning on bills, ledger movements): e2e/lib-fixtures-cli.ts runs in a child process
// with the react-server condition, against the E2E server's embedded database.

const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54391);
const run = promisify(execFile);

export type FamilyFixture = {
  authorization: string;
  agent: { email: string; password: string };
  group: { id: number; name: string };
  members: { id: number; mobile: string; name: string }[];
};
export type TrendFixture = {
  admin: { email: string; password: string };
  programs: { default: { id: number; name: string }; quiet: { id: number; name: string } };
};

export type StrangerFixture = {
  admin: { email: string; password: string };
  own: { program: { id: number; name: string }; customerId: number; group: { id: number; name: string }; apiClientId: string };
  demo: {
    programs: { id: number; name: string }[];
    customers: { id: number; firstName: string; mobile: string }[];
    group: { id: number; name: string; externalId: string };
    fleetHierarchies: { id: number; code: string; name: string }[];
    userEmails: string[];
    apiClients: { clientId: string; name: string }[];
    stores: { code: string; name: string }[];
    auditEntries: number;
  };
};
export type LedgerFixture = {
  agent: { email: string; password: string };
  customer: { id: number };
};

/** A group of 25 whose last two members left: no API client, nothing posted. */
export type BigFamilyFixture = Omit<FamilyFixture, "authorization">;

export async function libFixture(scenario: "family"): Promise<FamilyFixture>;
export async function libFixture(scenario: "bigFamily"): Promise<BigFamilyFixture>;
export async function libFixture(scenario: "ledger"): Promise<LedgerFixture>;
export async function libFixture(scenario: "stranger"): Promise<StrangerFixture>;
export async function libFixture(scenario: "trend"): Promise<TrendFixture>;
export async function libFixture(scenario: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=react-server", "e2e/lib-fixtures-cli.ts", scenario], {
    env: { ...process.env, DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable`, DATABASE_POOL_SIZE: "1" },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as unknown;
}

/** Signs a fixture's user in through next-auth's credentials endpoint (as signInByApi does for the demo users). */
export async function signInAs(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(res.ok()).toBe(true);
}
