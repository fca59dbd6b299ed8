import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_USERS = {
  ADMIN: { email: "admin@demo.test", password: "demo-admin-pass", name: "Ada Admin", label: "Admin" },
  PROGRAM_MANAGER: { email: "manager@demo.test", password: "demo-manager-pass", name: "Priya Manager", label: "Program manager" },
  MEMBER_CARE: { email: "agent@demo.test", password: "demo-agent-pass", name: "Carlos Agent", label: "Member care" },
  VIEWER: { email: "viewer@demo.test", password: "demo-viewer-pass", name: "Vera Viewer", label: "Viewer" },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through next-auth's credentials endpoint (not the UI): fast, for specs about other screens. */
export async function signInByApi(page: Page, role: DemoRole): Promise<void> {
  const { email, password } = DEMO_USERS[role];
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(res.ok()).toBe(true);
}

/** Signs in through the login form, as a person would. */
export async function signInByForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend<{ asRole: (role: DemoRole) => Promise<void> }>({
  asRole: async ({ page, context }, provide) => {
    await provide(async (role) => {
      await context.clearCookies();
      await signInByApi(page, role);
    });
  },
});

export { expect };

/**
 * Registers a customer through the API as the demo back-office client (lib/customers via the
 * route; never the UI), with a unique mobile, email and external id. Returns what it registered.
 */
export async function registerCustomer(
  request: import("@playwright/test").APIRequestContext,
  { firstName = "E2E", lastName = "Customer", card }: { firstName?: string; lastName?: string; card?: string } = {},
): Promise<{ id: number; mobile: string; email: string; externalId: string }> {
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(-9);
  const mobile = `97${tag}`;
  const email = `e2e.${tag}@example.com`;
  const externalId = `E2E-${tag}`;
  const identifiers = [
    { type: "mobile", value: mobile },
    { type: "email", value: email },
    { type: "externalId", value: externalId },
    ...(card ? [{ type: "cardnumber", value: card }] : []),
  ];
  const res = await request.post("/v2/customers", {
    headers: { authorization: `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}` },
    data: { profiles: [{ firstName, lastName, identifiers }], associatedWith: "TILL-001" },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { createdId } = (await res.json()) as { createdId: number };
  return { id: createdId, mobile, email, externalId };
}
