import { expect, test } from "./fixtures";

test("turning Single Rolling Expiry on without a period or events says what is missing", async ({ page }) => {
  await page.goto("/settings/points");
  await expect(page.getByText("It only rolls points that were awarded under a")).toBeVisible();
  await page.getByLabel("Enable Single Rolling Expiry across programs").check();
  await page.getByLabel("Rolling period").fill("");
  for (const box of await page.locator('input[name="events"]:checked').all()) await box.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter the rolling period: it is required when Single Rolling Expiry is on.")).toBeVisible();
  await expect(page.getByText("Choose at least one event that rolls points.")).toBeVisible();
  await expect(page.getByLabel("Rolling period")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Rolling period").fill("200");
  await page.getByLabel("Unit").selectOption({ label: "Months" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a period from 1 to 120 months.")).toBeVisible();
});

test("a valid Single Rolling Expiry is saved and shown after a reload and on the configs page", async ({ page }) => {
  await page.goto("/settings/points");
  await page.getByLabel("Enable Single Rolling Expiry across programs").check();
  await page.getByLabel("Rolling period").fill("18");
  await page.getByLabel("Unit").selectOption({ label: "Months" });
  await page.getByRole("checkbox", { name: /Makes a transaction/ }).check();
  await page.getByRole("checkbox", { name: /Redeems points/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Single Rolling Expiry saved")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Enable Single Rolling Expiry across programs")).toBeChecked();
  await expect(page.getByLabel("Rolling period")).toHaveValue("18");
  await expect(page.getByLabel("Unit")).toHaveValue("MONTHS");
  await expect(page.getByRole("checkbox", { name: /Makes a transaction/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Redeems points/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Returns a transaction/ })).not.toBeChecked();
  await expect(page.getByText(/^Last changed/)).toBeVisible();

  await page.goto("/settings/configs");
  await expect(page.getByText("On: 18 months, 2 events")).toBeVisible();

  // Put the shared demo org back as it was (off), for specs that earn or expire points.
  await page.goto("/settings/points");
  await page.getByLabel("Enable Single Rolling Expiry across programs").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Single Rolling Expiry saved")).toBeVisible();
});

test("a program manager reads the setting but cannot change it; a viewer cannot open it", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/points");
  await expect(page.getByText("You can read this setting; only an admin can change it.")).toBeVisible();
  await expect(page.getByLabel("Enable Single Rolling Expiry across programs")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);

  await asRole("VIEWER");
  await page.goto("/settings/points");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByLabel("Rolling period")).toHaveCount(0);
});
