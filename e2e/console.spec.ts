import { expect, test } from "./fixtures";

test("the programs page lists the demo org's programs, the default starred and first", async ({ page }) => {
  await page.goto("/programs");
  // The list's own rows (the trend above it has a table of its own).
  const rows = page.getByRole("table", { name: "Programs of Demo Retail" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("Demo Retail Rewards");
  await expect(rows.nth(1).getByLabel("Default program")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Trends Style Club" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Jewel Circle" })).toBeVisible();
  // Scoped to the row: other specs may add inactive programs to the shared database.
  await expect(rows.filter({ hasText: "Jewel Circle" })).toContainText("Inactive");
});

test("member care opens on its search box and settings say what each section holds", async ({ page }) => {
  await page.goto("/member-care");
  await expect(page.getByRole("heading", { name: "Member Care" })).toBeVisible();
  await expect(page.getByText("Type a mobile number, an email, an external id")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByText("Zones, concepts, card series, stores and tills")).toBeVisible();
});

test("a program manager sees a read-only banner on every settings page they may read but not change", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  for (const path of ["/settings/organisation", "/settings/configs", "/settings/points", "/settings/extended-fields", "/settings/fleet-hierarchies", "/settings/api-clients"]) {
    await page.goto(path);
    await expect(page.getByTestId("read-only-notice"), path).toContainText("only an admin can change them");
  }
  await asRole("ADMIN");
  await page.goto("/settings/configs");
  await expect(page.getByRole("heading", { name: "Configs", level: 1 })).toBeVisible();
  await expect(page.getByTestId("read-only-notice")).toHaveCount(0);
});
