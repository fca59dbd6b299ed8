import { expect, test } from "@playwright/test";

// The API reference is public: an integrator reads it without a console account.
test.use({ storageState: { cookies: [], origins: [] } });

test("a browser opening /api/docs lands on the readable reference of every route", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page).toHaveURL(/\/docs$/);
  await expect(page.getByRole("heading", { name: "Loyalty Console API", level: 1 })).toBeVisible();
  const programs = page.getByRole("region", { name: /^GET \/v2\/programs\/\{id\} ·/ });
  await expect(programs).toContainText("Get one program");
  await expect(programs).toContainText("programs:read");
  await programs.getByText("404", { exact: true }).click();
  await expect(programs.getByText("404: Program {id} not found")).toBeVisible();
  await page.getByRole("link", { name: "openapi.json" }).click();
  await expect(page).toHaveURL(/\/api\/docs\/openapi\.json$/);
});

test("tools get the OpenAPI 3.1 JSON from /api/docs", async ({ request }) => {
  const res = await request.get("/api/docs", { headers: { accept: "application/json" } });
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v2/programs", "/v2/orgSettings/configs"]));
});

test("the favicon and the logo are served from public/ without signing in", async ({ request }) => {
  const icon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const logo = await request.get("/logo.svg", { maxRedirects: 0 });
  expect(logo.status()).toBe(200);
  expect(await logo.text()).toContain("<svg");
});
