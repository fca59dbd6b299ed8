import { DEMO_USERS, expect, signInByForm, test } from "./fixtures";

// The sign-in form is a real POST form: it works on the hosts a newcomer types, before the page's
// JavaScript runs, and never puts the email or password in a URL.
test.use({ storageState: { cookies: [], origins: [] } });
const admin = DEMO_USERS.ADMIN;

test("signing in works on 127.0.0.1 as on localhost", async ({ page, baseURL }) => {
  const onIp = (baseURL ?? "").replace("localhost", "127.0.0.1");
  await page.goto(`${onIp}/login?callbackUrl=%2Fsettings`);
  await signInByForm(page, admin.email, admin.password);
  await expect(page).toHaveURL(`${onIp}/settings`);
  await expect(page.getByTestId("user-name")).toHaveText(admin.name);
});

test.describe("before the page's JavaScript has run", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, signs in and goes where you were going", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2Fsettings%2Fusers");
    await signInByForm(page, admin.email, admin.password);
    await expect(page).toHaveURL(/\/settings\/users$/);
    // The console's frame is server-rendered; the page itself streams in once scripts run.
    await expect(page.getByTestId("user-name")).toHaveText(admin.name);
  });

  test("a wrong password comes back to the form with the reason", async ({ page }) => {
    await page.goto("/login");
    await signInByForm(page, admin.email, "not-the-password");
    await expect(page).toHaveURL(/\/login\?error=credentials/);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("no request ever carries the email or the password in its URL", async ({ page }) => {
      const urls: string[] = [];
      page.on("request", (request) => urls.push(request.url()));
      const secrets = [admin.password, "typo-password-123", admin.email, encodeURIComponent(admin.email)];
      await page.goto("/login");
      await signInByForm(page, admin.email, "typo-password-123");
      await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
      await signInByForm(page, admin.email, admin.password);
      await expect(page).toHaveURL(/\/programs$/);
      expect(urls.length).toBeGreaterThan(2);
      for (const url of urls) for (const secret of secrets) expect(url).not.toContain(secret);
    });
  });
}
