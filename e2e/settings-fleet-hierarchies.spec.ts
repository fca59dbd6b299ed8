import { expect, test } from "./fixtures";

const backoffice = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;

test("an admin builds a role chain, sees a chain error on its field, fixes it and creates the hierarchy", async ({ page }) => {
  const code = `FLEET_E2E_${Date.now()}`;
  await page.goto("/settings/fleet-hierarchies");
  await page.getByRole("link", { name: "New hierarchy" }).click();
  await expect(page.getByRole("heading", { name: "New fleet hierarchy" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill("E2E fleet");
  await expect(page.getByTestId("role-chain")).toHaveText("Owner ★ → Driver");

  // Driver → Owner closes a loop: refused in place, with the API's message, nothing created.
  await page.getByLabel("Role 2 child role").selectOption("Owner");
  await page.getByLabel("Role 2 max children").fill("5");
  await page.getByRole("button", { name: "Create hierarchy" }).click();
  const ownerChild = page.getByLabel("Role 1 child role");
  await expect(ownerChild).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Cyclic hierarchy is not supported.")).toBeVisible();
  expect((await page.request.get(`/v2/fleetHierarchy?code=${code}`, { headers: { authorization: backoffice } })).status()).toBe(404);

  // A parent without its child cap is refused on that field too.
  await page.getByLabel("Role 2 child role").selectOption({ label: "None (bottom role)" });
  await page.getByLabel("Role 2 max children").fill("");
  await page.getByLabel("Role 1 max children").fill("");
  await page.getByRole("button", { name: "Create hierarchy" }).click();
  await expect(page.getByText("Fleet max child not passed for the role Owner.")).toBeVisible();
  await expect(page.getByLabel("Role 1 max children")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Role 1 max children").fill("25");
  await page.getByRole("button", { name: "Create hierarchy" }).click();
  await expect(page.getByText(`Hierarchy ${code} created`)).toBeVisible();
  await expect(page.getByRole("heading", { name: `Fleet hierarchy ${code}` })).toBeVisible();

  const res = await page.request.get(`/v2/fleetHierarchy?code=${code}`, { headers: { authorization: backoffice } });
  expect(res.status()).toBe(200);
  const { entity } = (await res.json()) as { entity: { roles: { code: string; childRoleCode: string | null; maxChild: number | null; permissions: { permissionCode: string }[] }[]; isAutoGroupCreationEnabled: boolean } };
  expect(entity.isAutoGroupCreationEnabled).toBe(true);
  expect(entity.roles.map((r) => [r.code, r.childRoleCode, r.maxChild])).toEqual([["Owner", "Driver", 25], ["Driver", null, null]]);
  expect(entity.roles[1]?.permissions.map((p) => p.permissionCode)).toEqual(["block_points_redemption", "block_points_transfer"]);

  await page.goto("/settings/fleet-hierarchies");
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("Owner ★ → Driver");
  await expect(row).toContainText("Auto groups");

  await page.goto("/settings/audit");
  await expect(page.getByRole("row").filter({ hasText: /Fleet hierarchy created/i }).first()).toBeVisible();
});

test("a taken code is refused on the code field", async ({ page }) => {
  const code = `FLEET_DUP_${Date.now()}`;
  for (const attempt of [1, 2]) {
    await page.goto("/settings/fleet-hierarchies/new");
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Create hierarchy" }).click();
    if (attempt === 1) await expect(page.getByText(`Hierarchy ${code} created`)).toBeVisible();
  }
  await expect(page.getByText(`Fleet code ${code} exists.`)).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

test("a program manager reads hierarchies but cannot create one; a viewer may not open them", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/fleet-hierarchies");
  await expect(page.getByRole("heading", { name: "Fleet hierarchies", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New hierarchy" })).toHaveCount(0);
  await asRole("VIEWER");
  await page.goto("/settings/fleet-hierarchies");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Fleet hierarchies" })).toHaveCount(0);
});
