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

test("date filters are typed and shown in the console's date format", async ({ page }) => {
  await page.goto("/settings/audit");
  await expect(page.getByLabel("From (UTC)")).toHaveAttribute("placeholder", "12 Mar 2025");
  await page.getByLabel("From (UTC)").fill("1 Jan 2001");
  await page.getByLabel("To (UTC)").fill("31 Jan 2001");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await expect(page.getByLabel("From (UTC)")).toHaveValue("01 Jan 2001");
  await expect(page.getByLabel("To (UTC)")).toHaveValue("31 Jan 2001");
  await page.getByLabel("From (UTC)").fill("31 Feb 2001");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Enter a date like 12 Mar 2025.")).toBeVisible();
  await expect(page.getByLabel("From (UTC)")).toHaveAttribute("aria-invalid", "true");
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
