import type { Browser, Page } from "@playwright/test";
import { expect, signInByForm, test } from "./fixtures";

// Issue 10: sign-in attempts are throttled per account (5 failures in 15 minutes) and per address,
// and the lock-out says the same whether or not the account exists. Each browser here comes from
// an address of its own (X-Forwarded-For, as a proxy would send it), so the per-address count of
// the other specs, all from 127.0.0.1, is not touched.

const LOCKED = /^Too many failed sign-in attempts\. Try again in \d+ minutes?, or ask an admin to reset your password\.$/;

async function addUser(page: Page): Promise<{ email: string; password: string }> {
  const email = `locked.${Date.now()}.${Math.floor(Math.random() * 1000)}@demo.test`;
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  await page.getByLabel("Name").fill("Lou Locked");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Add user" }).click();
  const password = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  return { email, password };
}

async function signedOutBrowser(browser: Browser, baseURL: string | undefined, address: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await page.goto("/login");
  return page;
}

async function failFiveTimes(page: Page, email: string) {
  const alert = page.locator("form").getByRole("alert");
  for (let i = 0; i < 5; i++) {
    await signInByForm(page, email, `wrong-${i}`);
    await expect(alert).toHaveText("Wrong email or password.");
    // The next try must be a new answer, not the old text still on screen.
    await page.reload();
  }
}

test("five wrong passwords lock the account, the right one included, with the same words as for an unknown account", async ({ page, browser, baseURL }) => {
  const { email, password } = await addUser(page);
  const user = await signedOutBrowser(browser, baseURL, `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
  await failFiveTimes(user, email);
  await signInByForm(user, email, password);
  await expect(user.locator("form").getByRole("alert")).toHaveText(LOCKED);
  const lockedText = (await user.locator("form").getByRole("alert").textContent()) ?? "";
  await expect(user).toHaveURL(/\/login/);

  const stranger = await signedOutBrowser(browser, baseURL, `203.0.113.${Math.floor(Math.random() * 250) + 1}`);
  const unknown = `nobody.${Date.now()}@demo.test`;
  await failFiveTimes(stranger, unknown);
  await signInByForm(stranger, unknown, "anything");
  await expect(stranger.locator("form").getByRole("alert")).toHaveText(LOCKED);
  const strangerText = (await stranger.locator("form").getByRole("alert").textContent()) ?? "";
  expect(strangerText.replace(/\d+ minutes?/, "N")).toBe(lockedText.replace(/\d+ minutes?/, "N"));
});

test.describe("before the page's JavaScript has run", () => {
  test("a locked account comes back to the form with the lock message", async ({ browser, baseURL }) => {
    // An account that does not exist: it locks the same way as one that does.
    const email = `nobody.${Date.now()}.nojs@demo.test`;
    const user = await signedOutBrowser(browser, baseURL, `192.0.2.${Math.floor(Math.random() * 250) + 1}`, false);
    for (let i = 0; i < 5; i++) {
      await signInByForm(user, email, `wrong-${i}`);
      await expect(user).toHaveURL(/\/login\?error=credentials/);
    }
    await signInByForm(user, email, "wrong-again");
    await expect(user).toHaveURL(/\/login\?error=locked&wait=\d+/);
    await expect(user.locator("form").getByRole("alert")).toHaveText(LOCKED);
  });
});
