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
  const entries = page.getByRole("row").filter({ hasText: "Members per group" });
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

test("configs speak to users: no developer notes, conflicts named by label, a refused switch goes back", async ({ page }) => {
  test.slow(); // saves twice, reads the audit log, puts the demo value back
  await page.goto("/settings/configs");
  const main = page.getByRole("main");
  await expect(main).not.toContainText(/SPEC|§|seed 0|vendor/);

  const strict = page.getByRole("switch", { name: "Strict hierarchy", exact: true });
  const skip = page.getByRole("switch", { name: "Skipping roles allowed", exact: true });
  await expect(strict).not.toBeChecked();
  await strict.check();
  await page.getByRole("button", { name: "Save Strict hierarchy" }).click();
  await expect(page.getByText("Strict hierarchy saved")).toBeVisible();
  // The toast leaves the header's controls free.
  const toast = await page.getByText("Strict hierarchy saved").boundingBox();
  const header = await page.getByRole("banner").boundingBox();
  expect(toast && header && toast.y >= header.y + header.height).toBe(true);
  try {
    await skip.check();
    await page.getByRole("button", { name: "Save Skipping roles allowed" }).click();
    const row = page.locator('form[data-config="IS_SKIP_ROLE_ALLOWED"]');
    await expect(row).toContainText("Turn off “Strict hierarchy” first: it cannot be on together with “Skipping roles allowed”.");
    await expect(skip).not.toBeChecked();
    await expect(row.getByRole("button", { name: "Save Skipping roles allowed" })).toBeDisabled();

    // The audit log tells it in words: action, entity and field, no key names or JSON.
    await page.goto("/settings/audit?entityType=OrgConfig");
    const entry = page.getByRole("row").filter({ hasText: "Config changed" }).filter({ hasText: "Strict hierarchy" }).first();
    await expect(entry).toContainText("Config");
    await entry.getByText("1 field changed").click();
    await expect(entry.getByRole("row").filter({ hasText: "Value" })).toContainText("NoYes");
    await expect(page.getByRole("main")).not.toContainText(/config\.update|OrgConfig|IS_HEIRARCHY_STRICT|\{"/);
    await expect(page.getByLabel("Entity")).toContainText("Config");
  } finally {
    // Put the demo value back.
    await page.goto("/settings/configs");
    await page.getByRole("switch", { name: "Strict hierarchy", exact: true }).uncheck();
    await page.getByRole("button", { name: "Save Strict hierarchy" }).click();
    await expect(page.getByText("Strict hierarchy saved")).toBeVisible();
  }
});
