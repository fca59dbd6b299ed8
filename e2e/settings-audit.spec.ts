import { expect, test } from "./fixtures";

test("a program manager reads the audit log and filters it by date range", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("From (UTC)").fill("2001-01-01");
  await page.getByLabel("To (UTC)").fill("2001-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
});

test("a date range that ends before it starts is reported on the field", async ({ page }) => {
  await page.goto("/settings/audit?from=2025-03-10&to=2025-03-01");
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
  await expect(page.getByLabel("To (UTC)")).toHaveAttribute("aria-invalid", "true");
});

test("a viewer gets 403 on the audit log", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
});
