import { expect, test } from "./fixtures";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

test("an admin creates an API client, sees its secret once, uses it, then revokes it", async ({ page, request }) => {
  const name = `E2E POS ${Date.now()}`;
  await page.goto("/settings/api-clients");
  await expect(page.getByRole("cell", { name: "Demo POS (TILL-001)", exact: true })).toBeVisible();
  // Secrets are never listed, not even the demo client's.
  await expect(page.getByText("demo-pos-secret")).toHaveCount(0);

  await page.getByRole("button", { name: "New API client" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Bound till").selectOption({ label: "TILL-002 · Till 2 (STORE-002)" });
  await page.getByRole("checkbox", { name: /Read programs/ }).check();
  await page.getByRole("button", { name: "Create client" }).click();

  await expect(page.getByRole("heading", { name: `${name}: copy the secret now` })).toBeVisible();
  await expect(page.getByText("You will not see this secret again")).toBeVisible();
  const clientId = (await page.getByTestId("new-client-client-id").textContent()) ?? "";
  const secret = (await page.getByTestId("new-client-secret").textContent()) ?? "";
  expect(clientId).toMatch(/^lc_/);
  expect(secret.length).toBeGreaterThanOrEqual(32);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(clientId);
  await expect(row).toContainText("TILL-002");
  await expect(row).toContainText("programs:read");
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");

  await page.getByRole("button", { name: "I have stored the secret" }).click();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // The admin's "no OTP for transfers" mark (issue 11): saved and audited, still checked after a reload.
  const trust = page.getByRole("checkbox", { name: `${name}: customer-to-customer transfers without OTP` });
  await expect(trust).not.toBeChecked();
  await trust.check();
  await expect(page.getByText(`${name} may transfer without OTP`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `${name}: customer-to-customer transfers without OTP` })).toBeChecked();

  const ok = await request.get("/v2/programs", { headers: { authorization: basic(clientId, secret) } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { data: { name: string }[] }).data.map((p) => p.name)).toContain("Demo Retail Rewards");

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("Never");

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  // By role only: every ConfirmDialog on the page reuses the id "confirm-title", so names clash.
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Revoke ${name}?`);
  await expect(dialog).toContainText("will be refused");
  await dialog.getByRole("button", { name: "Revoke client" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  // A revoked row does not push the table wider than its card (no sideways scrolling).
  const card = page.locator("table").first().locator("xpath=..");
  expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  const refused = await request.get("/v2/programs", { headers: { authorization: basic(clientId, secret) } });
  expect(refused.status()).toBe(401);
});

test("an admin creates an unbound client (a web shop has no till) with the default choice", async ({ page, request }) => {
  const name = `E2E web shop ${Date.now()}`;
  await page.goto("/settings/api-clients");
  await page.getByRole("button", { name: "New API client" }).click();
  await page.getByLabel("Name").fill(name);
  await expect(page.getByLabel("Bound till")).toHaveValue("");
  await expect(page.getByText("with no till, its events go to the default program only")).toBeVisible();
  await page.getByRole("checkbox", { name: /Read programs/ }).check();
  await page.getByRole("button", { name: "Create client" }).click();

  await expect(page.getByRole("heading", { name: `${name}: copy the secret now` })).toBeVisible();
  const clientId = (await page.getByTestId("new-client-client-id").textContent()) ?? "";
  const secret = (await page.getByTestId("new-client-secret").textContent()) ?? "";
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Not bound · default program only");
  const ok = await request.get("/v2/programs", { headers: { authorization: basic(clientId, secret) } });
  expect(ok.status()).toBe(200);
});

test("creating a client without a name or scopes says what is missing and creates nothing", async ({ page }) => {
  await page.goto("/settings/api-clients");
  const rowsBefore = await page.getByRole("row").count();
  await page.getByRole("button", { name: "New API client" }).click();
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Enter a name, e.g. the system and store that will use it.")).toBeVisible();
  await expect(page.getByText("Choose at least one scope")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name").fill("x".repeat(101));
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Keep the name to 100 characters or fewer.")).toBeVisible();
  expect(await page.getByRole("row").count()).toBe(rowsBefore);
});

test("a program manager sees the API clients but cannot create or revoke them", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/api-clients");
  await expect(page.getByRole("cell", { name: "Demo POS (TILL-001)", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "New API client" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
});

test("a viewer cannot open the API clients page", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/settings/api-clients");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("Demo POS (TILL-001)")).toHaveCount(0);
});

test("an admin sets a client's requests per minute; past it the API answers 429 with Retry-After", async ({ page, request }) => {
  const name = `E2E limited ${Date.now()}`;
  await page.goto("/settings/api-clients");
  await page.getByRole("button", { name: "New API client" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /Read programs/ }).check();
  await page.getByRole("button", { name: "Create client" }).click();
  const clientId = (await page.getByTestId("new-client-client-id").textContent()) ?? "";
  const secret = (await page.getByTestId("new-client-secret").textContent()) ?? "";
  await page.getByRole("button", { name: "I have stored the secret" }).click();

  const limit = page.getByLabel(`${name}: requests per minute (0 for no limit)`);
  await expect(limit).toHaveValue("600");
  await limit.fill("-5");
  await page.getByRole("button", { name: `Save the rate limit of ${name}` }).click();
  await expect(page.getByText("Enter 0 for no limit, or a positive number of requests per minute.")).toBeVisible();
  await limit.fill("2");
  await page.getByRole("button", { name: `Save the rate limit of ${name}` }).click();
  await expect(page.getByText(`${name} may make 2 requests per minute`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`${name}: requests per minute (0 for no limit)`)).toHaveValue("2");

  const call = () => request.get("/v2/programs", { headers: { authorization: basic(clientId, secret) } });
  expect((await call()).status()).toBe(200);
  expect((await call()).status()).toBe(200);
  const refused = await call();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(((await refused.json()) as { errors: { code: number }[] }).errors[0]?.code).toBe(429);

  await page.getByLabel(`${name}: requests per minute (0 for no limit)`).fill("0");
  await page.getByRole("button", { name: `Save the rate limit of ${name}` }).click();
  await expect(page.getByText(`${name} has no rate limit`)).toBeVisible();
  expect((await call()).status()).toBe(200);

  await page.goto("/settings/audit");
  await expect(page.getByRole("row").filter({ hasText: "API client rate limit changed" }).first()).toBeVisible();
});
