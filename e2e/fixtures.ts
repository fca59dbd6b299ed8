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
