import type { Browser, Page } from "@playwright/test";
import { expect, signInByForm, test } from "./fixtures";

// Issue 7, defect 4: a temporary password from an admin is only good for choosing one's own, and
// a password change ends the user's sessions in every other browser.

async function addUser(page: Page): Promise<{ email: string; temporaryPassword: string }> {
  const email = `temp.${Date.now()}.${Math.floor(Math.random() * 1000)}@demo.test`;
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByLabel("Name").fill("Tess Temporary");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Add user" }).click();
  const temporaryPassword = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
  return { email, temporaryPassword };
}

/** A browser of its own (no admin cookie), signed in through the form. */
async function signedInBrowser(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await signInByForm(page, email, password);
  return page;
}

async function fillPasswordForm(page: Page, current: { label: string; value: string }, next: string, again = next) {
  await page.getByLabel(current.label, { exact: true }).fill(current.value);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again", { exact: true }).fill(again);
}

test("a new user signs in with the temporary password, must choose their own, then uses the console", async ({ page, browser, baseURL }) => {
  test.slow(); // a story across three browsers
  const { email, temporaryPassword } = await addUser(page);
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("Temporary password");

  const user = await signedInBrowser(browser, baseURL, email, temporaryPassword);
  await expect(user).toHaveURL(/\/set-password\?callbackUrl=%2Fprograms$/);
  await expect(user.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  // Nothing else opens meanwhile, by address either: the server sends them back.
  await user.goto("/member-care");
  await expect(user).toHaveURL(/\/set-password/);
  await expect(user.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  await fillPasswordForm(user, { label: "Temporary password", value: temporaryPassword }, "short", "short");
  await user.getByRole("button", { name: "Set password and continue" }).click();
  await expect(user.getByText("Use at least 12 characters.")).toBeVisible();

  await fillPasswordForm(user, { label: "Temporary password", value: temporaryPassword }, "tess own password 1");
  await user.getByRole("button", { name: "Set password and continue" }).click();
  await expect(user).toHaveURL(/\/programs$/);
  await expect(user.getByTestId("user-name")).toHaveText("Tess Temporary");
  await user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Member Care" }).click();
  await expect(user).toHaveURL(/\/member-care$/);

  // The temporary password is spent; the new one works.
  await user.context().clearCookies();
  await user.goto("/login");
  await signInByForm(user, email, temporaryPassword);
  await expect(user.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await signInByForm(user, email, "tess own password 1");
  await expect(user).toHaveURL(/\/programs$/);
  await user.context().close();

  await page.goto("/settings/users");
  await expect(page.getByTestId(`user-row-${email}`)).not.toContainText("Temporary password");
  await page.goto("/settings/audit?action=user.password_change");
  const entry = page.getByRole("row").filter({ hasText: "User password changed" }).filter({ hasText: email }).first();
  await expect(entry).toBeVisible();
  await entry.getByText(/field(s)? changed/).click();
  await expect(entry.getByRole("row").filter({ hasText: "Must choose a new password" })).toContainText("YesNo");
});

test("changing the password needs the current one, and ends the sessions in other browsers", async ({ page, browser, baseURL }) => {
  test.slow(); // a story across three browsers
  const { email, temporaryPassword } = await addUser(page);
  const first = await signedInBrowser(browser, baseURL, email, temporaryPassword);
  await fillPasswordForm(first, { label: "Temporary password", value: temporaryPassword }, "first own password");
  await first.getByRole("button", { name: "Set password and continue" }).click();
  await expect(first).toHaveURL(/\/programs$/);

  const other = await signedInBrowser(browser, baseURL, email, "first own password");
  await expect(other).toHaveURL(/\/programs$/);

  await first.getByRole("link", { name: "Change password" }).click();
  await expect(first.getByRole("heading", { name: "Change password" })).toBeVisible();
  await fillPasswordForm(first, { label: "Current password", value: "not my password" }, "second own password");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByText("Your current password is not right, so nothing was changed.")).toBeVisible();
  await expect(first.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await fillPasswordForm(first, { label: "Current password", value: "first own password" }, "second own password");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();

  // This browser stays signed in; the other one is signed out at its next request.
  await first.goto("/member-care");
  await expect(first.getByTestId("user-name")).toHaveText("Tess Temporary");
  await other.goto("/member-care");
  await expect(other).toHaveURL(/\/login\?callbackUrl=%2Fmember-care/);
  await signInByForm(other, email, "first own password");
  await expect(other.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await signInByForm(other, email, "second own password");
  await expect(other).toHaveURL(/\/member-care$/);
  await first.context().close();
  await other.context().close();
});

test("an admin's reset ends the user's session and gives a temporary password again", async ({ page, browser, baseURL }) => {
  test.slow(); // a story across three browsers
  const { email, temporaryPassword } = await addUser(page);
  const user = await signedInBrowser(browser, baseURL, email, temporaryPassword);
  await fillPasswordForm(user, { label: "Temporary password", value: temporaryPassword }, "own password before reset");
  await user.getByRole("button", { name: "Set password and continue" }).click();
  await expect(user).toHaveURL(/\/programs$/);

  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: `Reset password of ${email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reset password" }).click();
  const reset = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(reset).toMatch(/^[A-Za-z0-9_-]{16}$/);
  expect(reset).not.toBe(temporaryPassword);
  await page.getByRole("button", { name: "Done" }).click();

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await signInByForm(user, email, reset);
  await expect(user).toHaveURL(/\/set-password/);
  await user.context().close();
});
