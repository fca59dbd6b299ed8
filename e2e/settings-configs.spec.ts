import { expect, test } from "./fixtures";

const DEMO_POS = { authorization: `Basic ${Buffer.from("demo-pos:demo-pos-secret").toString("base64")}` };

// These specs change the demo org's shared configs, so each puts the demo value back at the end.
test("an admin turns user groups off and on; the switch keeps its state after a reload", async ({ page, request }) => {
  await page.goto("/settings/configs");
  await expect(page.getByRole("heading", { name: "User groups", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Fleet", level: 2 })).toBeVisible();
  const toggle = page.getByRole("switch", { name: "User groups", exact: true });
  await expect(toggle).toBeChecked();
  const row = page.locator('form[data-config="CONF_USER_GROUP_ENABLED"]');
  await expect(row).toContainText("Master switch");
  await expect(row.getByText("changed", { exact: true })).toBeVisible();

  await toggle.uncheck();
  await row.getByRole("button", { name: "Save User groups" }).click();
  await expect(page.getByText("User groups saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "User groups", exact: true })).not.toBeChecked();
  await expect(page.locator('form[data-config="CONF_USER_GROUP_ENABLED"]').getByText("default", { exact: true })).toBeVisible();
  const api = await request.get("/v2/orgSettings/configs?keys=CONF_USER_GROUP_ENABLED", { headers: DEMO_POS });
  expect(((await api.json()) as { data: { value: unknown }[] }).data[0]?.value).toBe(false);

  await page.getByRole("switch", { name: "User groups", exact: true }).check();
  await page.getByRole("button", { name: "Save User groups" }).click();
  await expect(page.getByText("User groups saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "User groups", exact: true })).toBeChecked();
});

test("a group size of 0 is refused on the field; 6 is saved and still there after a reload", async ({ page, request }) => {
  await page.goto("/settings/configs");
  const size = page.getByRole("spinbutton", { name: "Members per group" });
  const save = page.getByRole("button", { name: "Save Members per group" });
  await expect(size).toHaveValue("5");

  await size.fill("0");
  await save.click();
  await expect(page.getByText("The group size must be at least 1.")).toBeVisible();
  await expect(size).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByRole("spinbutton", { name: "Members per group" })).toHaveValue("5");

  await page.getByRole("spinbutton", { name: "Members per group" }).fill("6");
  await page.getByRole("button", { name: "Save Members per group" }).click();
  await expect(page.getByText("Members per group saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("spinbutton", { name: "Members per group" })).toHaveValue("6");
  const api = await request.get("/v2/orgSettings/configs?keys=CONF_USER_GROUP_SIZE", { headers: DEMO_POS });
  expect(((await api.json()) as { data: { value: unknown; isDefault: boolean }[] }).data[0]).toMatchObject({ value: 6, isDefault: false });

  await page.getByRole("spinbutton", { name: "Members per group" }).fill("5");
  await page.getByRole("button", { name: "Save Members per group" }).click();
  await expect(page.getByText("Members per group saved")).toBeVisible();

  // Each save is in the audit log with the admin's name; the refused 0 left no entry.
  await page.goto("/settings/audit?action=config.update&entityType=OrgConfig");
  const entries = page.getByRole("row").filter({ hasText: "#CONF_USER_GROUP_SIZE" });
  await expect(entries.first()).toContainText("admin@demo.test");
  await expect(entries).toHaveCount(2);
});

test("a program manager sees every config with disabled controls and no save buttons", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/configs");
  await expect(page.getByText("You can read these configs; only an admin can change them.")).toBeVisible();
  await expect(page.getByRole("switch", { name: "User groups", exact: true })).toBeDisabled();
  await expect(page.getByRole("spinbutton", { name: "Members per group" })).toBeDisabled();
  await expect(page.getByLabel("Fleet entity type")).toBeDisabled();
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByText("ENABLE_GROUP_PROGRAMS_REDEMPTION", { exact: true })).toBeVisible();
});

test("a viewer cannot open the configs page", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/settings/configs");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
});
