import { expect, test } from "./fixtures";

// What a browser (and a crawler, a monitor, a proxy log) is told: a refused page is a 403 and a
// missing one a 404, not a 200 that merely looks like an error; signed in, the menu stays.
test("a role without access gets HTTP 403 with the console's menu", async ({ page, asRole }) => {
  await asRole("VIEWER");
  for (const path of ["/settings", "/settings/users", "/settings/configs", "/programs/new"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" })).toBeVisible();
  }
  await asRole("PROGRAM_MANAGER");
  expect((await page.goto("/settings/users"))?.status()).toBe(403);
  expect((await page.goto("/settings/audit"))?.status()).toBe(200);
});

test("an unknown program is HTTP 404 on every tab, inside the console", async ({ page }) => {
  for (const path of ["/programs/999999", "/programs/999999/tiers", "/programs/abc/workflows"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Program not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
});

test("an unknown fleet hierarchy is HTTP 404, inside the console", async ({ page }) => {
  for (const path of ["/settings/fleet-hierarchies/999999", "/settings/fleet-hierarchies/abc"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Fleet hierarchy not found", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
});

test("an unknown page is HTTP 404 and keeps the console's navigation when signed in", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  await nav.getByRole("link", { name: "Programs" }).click();
  await expect(page).toHaveURL(/\/programs$/);
});
