import { expect, test } from "./fixtures";

test("an admin adds a user, changes the role, deactivates them, and the audit log shows it", async ({ page }) => {
  test.slow(); // a long story (users, then the audit log three times)
  const email = `dana.${Date.now()}@demo.test`;
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByLabel("Name").fill("Dana Doe");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Add user" }).click();

  await expect(page.getByRole("heading", { name: `Temporary password for ${email}` })).toBeVisible();
  await expect(page.getByText("You will not see this password again")).toBeVisible();
  await expect(page.getByTestId("temporary-password")).toHaveText(/^[A-Za-z0-9_-]{16}$/);
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("Dana Doe");
  await expect(row).toContainText("Active");
  await expect(row.getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("VIEWER");

  await row.getByRole("combobox", { name: `Role of ${email}` }).selectOption({ label: "Program manager" });
  await row.getByRole("button", { name: `Save role of ${email}` }).click();
  await expect(page.getByText(`${email} is now Program manager`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`user-row-${email}`).getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("PROGRAM_MANAGER");

  await page.getByRole("button", { name: `Deactivate ${email}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Deactivate Dana Doe?");
  await expect(dialog).toContainText("cannot sign in");
  await dialog.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("Deactivated");
  await expect(page.getByRole("button", { name: `Reactivate ${email}` })).toBeVisible();

  await page.goto("/settings/audit");
  await page.getByLabel("Action").selectOption("user.role");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=user\.role/);
  const roleEntry = page.getByRole("row").filter({ hasText: "User role changed" }).first();
  await expect(roleEntry).toContainText("admin@demo.test");
  await roleEntry.getByText(/field(s)? changed/).click();
  await expect(roleEntry).toContainText(email);
  await expect(roleEntry).toContainText("VIEWER");
  await expect(roleEntry).toContainText("PROGRAM_MANAGER");
  await expect(page.getByRole("row").filter({ hasText: "User deactivated" })).toHaveCount(0);

  await page.getByLabel("Action").selectOption("user.deactivate");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row").filter({ hasText: "User deactivated" }).first()).toBeVisible();
  await page.getByLabel("Action").selectOption("user.create");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row").filter({ hasText: "User created" }).first()).toBeVisible();
});

test("adding a user with a bad or taken email says so on the field", async ({ page }) => {
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await page.getByLabel("Email").fill("viewer@demo.test");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("A console user with this email already exists")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: /Temporary password/ })).toHaveCount(0);
});

test("an admin cannot deactivate or demote themselves from the page", async ({ page }) => {
  await page.goto("/settings/users");
  const self = page.getByTestId("user-row-admin@demo.test");
  await expect(self).toContainText("You");
  await expect(self.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await expect(self.getByRole("combobox")).toHaveCount(0);
});

test("a program manager cannot open users and roles", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("viewer@demo.test")).toHaveCount(0);
});
