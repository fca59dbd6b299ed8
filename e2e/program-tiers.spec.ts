import { expect, test } from "./fixtures";

test("a viewer reads a program's tiers without controls", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/programs");
  await page.getByRole("link", { name: "Demo Retail Rewards" }).click();
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  await page.getByRole("link", { name: "Tiers", exact: true }).click();
  await expect(page).toHaveURL(/\/programs\/\d+\/tiers$/);
  await expect(page.getByRole("cell", { name: "Gold" })).toBeVisible();
  await expect(page.getByText("You can read these tiers; only an admin or a program manager can change them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add tier" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save tier rules" })).toHaveCount(0);
});
