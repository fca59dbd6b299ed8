import { DEMO_USERS, expect, signInByForm, test, type DemoRole } from "./fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a console page sends you to sign in, then back where you were going", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fusers/);
    await signInByForm(page, DEMO_USERS.ADMIN.email, DEMO_USERS.ADMIN.password);
    await expect(page).toHaveURL(/\/settings\/users$/);
    await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "viewer@demo.test", exact: true })).toBeVisible();
  });

  test("a wrong password says so and keeps you on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await signInByForm(page, DEMO_USERS.ADMIN.email, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form shows what is missing, field by field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
    test(`${role} signs in and sees the org, their name and role`, async ({ page }) => {
      const user = DEMO_USERS[role];
      await page.goto("/login");
      await signInByForm(page, user.email, user.password);
      await expect(page).toHaveURL(/\/programs$/);
      await expect(page.getByTestId("org-name")).toHaveText("Demo Retail");
      await expect(page.getByTestId("user-name")).toHaveText(user.name);
      await expect(page.getByTestId("user-role")).toHaveText(user.label);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Programs" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Member Care" })).toBeVisible();
      const seesSettings = role === "ADMIN" || role === "PROGRAM_MANAGER";
      await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(seesSettings ? 1 : 0);
    });
  }
});

test("a viewer cannot reach an admin-only page, even by its address", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("viewer@demo.test")).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a program manager reads settings but not the users page", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users and roles" })).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("signing out ends the session", async ({ page, asRole }) => {
  await asRole("MEMBER_CARE");
  await page.goto("/programs");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/programs");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprograms/);
});
