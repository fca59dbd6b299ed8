import { expect, test } from "./fixtures";

// Settings → Organisation on the demo org (concept-based MLP; zones NORTH/SOUTH/EAST, concepts
// TRENDS/JEWEL/FOODWORLD, STORE-001 in NORTH with TILL-001). Specs share one database per run, so
// every unit made here carries a unique suffix.
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.toUpperCase();

test("an admin creates a zone, a store in it and a till in the store, and sees each listed", async ({ page }) => {
  const id = suffix();
  await page.goto("/settings/organisation");
  await expect(page.getByRole("heading", { name: "Organisation", level: 1 })).toBeVisible();

  // The demo org chose concept-based programs: shown read-only, with the reason and the date.
  const mlp = page.getByRole("region", { name: "Multi-loyalty-program type" });
  await expect(mlp.getByText("Concept", { exact: true })).toBeVisible();
  await expect(mlp.getByText(/^Chosen \d{2} \w{3} \d{4}/)).toBeVisible();
  await expect(mlp.getByText(/chosen once and cannot be changed/)).toBeVisible();
  await expect(mlp.getByRole("button")).toHaveCount(0);

  await page.getByRole("button", { name: "Add zone" }).click();
  await page.getByLabel("Code", { exact: true }).fill(` z-${id.toLowerCase()} `);
  await page.getByLabel("Name", { exact: true }).fill(`Zone ${id}`);
  await page.getByRole("button", { name: "Create zone" }).click();
  await expect(page.getByText("Zone created")).toBeVisible();
  const zoneRow = page.getByRole("row", { name: new RegExp(`Z-${id}`) });
  await expect(zoneRow).toContainText(`Zone ${id}`);
  await expect(zoneRow).toContainText("Active");

  await page.getByRole("link", { name: /stores/i }).click();
  await expect(page).toHaveURL(/tab=stores/);
  await page.getByRole("button", { name: "Add store" }).click();
  await page.getByLabel("Code", { exact: true }).fill(`S-${id}`);
  await page.getByLabel("Name", { exact: true }).fill(`Store ${id}`);
  await page.getByLabel("Zone", { exact: true }).selectOption({ label: `Z-${id} · Zone ${id}` });
  await page.getByLabel("Concept", { exact: true }).selectOption({ label: "TRENDS · Trends" });
  await page.getByRole("button", { name: "Create store" }).click();
  const storeRow = page.getByRole("row", { name: new RegExp(`S-${id}`) });
  await expect(storeRow).toContainText(`Z-${id} · Zone ${id}`);
  await expect(storeRow).toContainText("TRENDS · Trends");

  await page.getByRole("link", { name: /tills/i }).click();
  await page.getByRole("button", { name: "Add till" }).click();
  await page.getByLabel("Code", { exact: true }).fill(`T-${id}`);
  await page.getByLabel("Name", { exact: true }).fill(`Till ${id}`);
  await page.getByLabel("Store", { exact: true }).selectOption({ label: `S-${id} · Store ${id}` });
  await page.getByRole("button", { name: "Create till" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`T-${id}`) })).toContainText(`S-${id} · Store ${id}`);

  // The zone now counts its active store.
  await page.goto("/settings/organisation?tab=zones");
  await expect(page.getByRole("row", { name: new RegExp(`Z-${id}`) }).getByRole("cell").nth(2)).toHaveText("1");
});

test("a duplicate code and an empty name are shown on their fields", async ({ page }) => {
  await page.goto("/settings/organisation?tab=zones");
  await page.getByRole("button", { name: "Add zone" }).click();
  await page.getByLabel("Code", { exact: true }).fill("north");
  await page.getByRole("button", { name: "Create zone" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name", { exact: true }).fill("Another north");
  await page.getByRole("button", { name: "Create zone" }).click();
  await expect(page.getByText("A zone with code NORTH already exists.")).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("row", { name: /Another north/ })).toHaveCount(0);
});

test("deactivating asks first, and a zone with active stores is refused with the count", async ({ page }) => {
  const id = suffix();
  await page.goto("/settings/organisation?tab=concepts");
  await page.getByRole("button", { name: "Add concept" }).click();
  await page.getByLabel("Code", { exact: true }).fill(`C-${id}`);
  await page.getByLabel("Name", { exact: true }).fill(`Concept ${id}`);
  await page.getByRole("button", { name: "Create concept" }).click();
  const row = page.getByRole("row", { name: new RegExp(`C-${id}`) });
  await expect(row).toContainText("Active");

  // Edit opens with the saved values and saves a new name.
  await row.getByRole("button", { name: `Edit C-${id}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit Concept C-${id}` });
  await expect(edit.getByLabel("Code", { exact: true })).toHaveValue(`C-${id}`);
  await edit.getByLabel("Name", { exact: true }).fill(`Renamed ${id}`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText(`Renamed ${id}`);

  // Cancel leaves it as it was.
  await row.getByRole("button", { name: `Deactivate C-${id}` }).click();
  // Only the open dialog is exposed; its title is checked as a heading (ConfirmDialog gives every
  // instance the same title id, so the dialog's accessible name is not reliable with many rows).
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: `Deactivate Concept C-${id}?` })).toBeVisible();
  await expect(dialog).toContainText("New stores can no longer be placed in");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: `Deactivate C-${id}` }).click();
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate C-${id}` })).toBeVisible();

  // NORTH holds the demo's active STORE-001: the dialog warns and the server refuses.
  await page.goto("/settings/organisation?tab=zones");
  const north = page.getByRole("row", { name: /NORTH/ });
  await north.getByRole("button", { name: "Deactivate NORTH" }).click();
  const northDialog = page.getByRole("dialog");
  await expect(northDialog.getByRole("heading", { name: "Deactivate Zone NORTH?" })).toBeVisible();
  await expect(northDialog).toContainText(/Zone NORTH still has \d+ active stores?/);
  await northDialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(/Zone NORTH still has \d+ active stores?\. Deactivate or move/).last()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /NORTH/ })).toContainText("Active");
});

test("a program manager sees the lists but no controls to change them", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/organisation?tab=zones");
  await expect(page.getByRole("row", { name: /NORTH/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Multi-loyalty-program type" })).toContainText("Concept");
  await expect(page.getByRole("button", { name: /Add zone|Edit|Deactivate|Reactivate/ })).toHaveCount(0);
  await page.getByRole("link", { name: /tills/i }).click();
  await expect(page.getByRole("row", { name: /TILL-001/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Add till|Edit|Deactivate/ })).toHaveCount(0);
});

test("a viewer gets the 403 page, even by URL", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/settings/organisation?tab=tills");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("row", { name: /TILL-001/ })).toHaveCount(0);
});
