import { expect, test } from "./fixtures";

test("the seed's member_card_swiped shows under transaction fields with its condition reference", async ({ page }) => {
  await page.goto("/settings/extended-fields");
  const table = page.getByRole("table", { name: "Transaction extended fields" });
  const row = table.getByRole("row").filter({ hasText: "member_card_swiped" });
  await expect(row).toContainText("List of values");
  await expect(row).toContainText("Allowed: Yes | No");
  await expect(row).toContainText("currentTxn.extField_member_card_swiped");
  await expect(row).toContainText("Active");
});

test("an admin creates a list field, is told when the name is taken, edits and deactivates it", async ({ page }) => {
  const name = `channel_${Date.now()}`;
  await page.goto("/settings/extended-fields");
  await page.getByRole("button", { name: "New extended field" }).click();
  await page.getByLabel("Scope").selectOption({ label: "Customer" });
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Type").selectOption({ label: "List of values" });
  await expect(page.getByText(`In a condition: currentCustomer.extField_${name}`)).toBeVisible();
  await page.getByLabel("Allowed values").fill("Web\nStore\nApp");
  await page.getByLabel("Description").fill("Where the customer signed up");
  await page.getByRole("button", { name: "Create field" }).click();
  await expect(page.getByText(`Field ${name} created`)).toBeVisible();

  const row = page.getByRole("table", { name: "Customer extended fields" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Allowed: Web | Store | App");
  await expect(row).toContainText(`currentCustomer.extField_${name}`);

  // The same name again in the same scope: refused on the name field, nothing created.
  await page.getByRole("button", { name: "New extended field" }).click();
  await page.getByLabel("Scope").selectOption({ label: "Customer" });
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create field" }).click();
  await expect(page.getByText(`A CUSTOMER field named ${name} already exists. Choose another name.`)).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);

  // Edit is a button of the actions column, beside Deactivate.
  await expect(page.getByRole("columnheader", { name: "Actions" }).first()).toBeVisible();
  const actions = row.getByRole("cell").filter({ has: page.getByRole("button", { name: `Edit ${name}` }) });
  await expect(actions.getByRole("button", { name: `Deactivate ${name}` })).toBeVisible();
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Allowed values").fill("Web\nStore\nApp\nKiosk");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${name} saved`)).toBeVisible();
  await expect(row).toContainText("Allowed: Web | Store | App | Kiosk");

  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Deactivate ${name}?`);
  await expect(dialog).toContainText("unknown attribute");
  await dialog.getByRole("button", { name: "Deactivate field" }).click();
  await expect(row).toContainText("Inactive");
  await expect(row.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();
});

test("bad input is explained on the field and creates nothing", async ({ page }) => {
  await page.goto("/settings/extended-fields");
  await page.getByRole("button", { name: "New extended field" }).click();
  await page.getByLabel("Name").fill("Bad Name");
  await page.getByLabel("Type").selectOption({ label: "List of values" });
  await page.getByLabel("Allowed values").fill("Yes\nYes");
  await page.getByRole("button", { name: "Create field" }).click();
  await expect(page.getByText(/^Use lowercase letters, digits and _, starting with a letter/)).toBeVisible();
  await expect(page.getByText("“Yes” is listed twice: each allowed value must be unique.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Bad Name" })).toHaveCount(0);
});

test("a program manager sees the fields but cannot add or change them; a viewer gets 403", async ({ page, asRole }) => {
  await asRole("PROGRAM_MANAGER");
  await page.goto("/settings/extended-fields");
  await expect(page.getByRole("row").filter({ hasText: "member_card_swiped" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New extended field" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Deactivate) / })).toHaveCount(0);

  await asRole("VIEWER");
  await page.goto("/settings/extended-fields");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("member_card_swiped")).toHaveCount(0);
});
