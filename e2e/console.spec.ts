import { expect, test } from "./fixtures";

test("the programs page lists the demo org's programs, the default starred and first", async ({ page }) => {
  await page.goto("/programs");
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Demo Retail Rewards");
  await expect(rows.nth(1).getByLabel("Default program")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Trends Style Club" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Jewel Circle" })).toBeVisible();
  // Scoped to the row: other specs may add inactive programs to the shared database.
  await expect(page.getByRole("row").filter({ hasText: "Jewel Circle" })).toContainText("Inactive");
});

test("member care opens on its search box and settings say what each section holds", async ({ page }) => {
  await page.goto("/member-care");
  await expect(page.getByRole("heading", { name: "Member Care" })).toBeVisible();
  await expect(page.getByText("Type a mobile number, an email, an external id")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByText("Zones, concepts, card series, stores and tills")).toBeVisible();
});
