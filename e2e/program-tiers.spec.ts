import { createTiersOrg } from "./tier-fixtures";
import { expect, signInByForm, test } from "./fixtures";

test("a program manager sets up tiers on the Tiers tab, and a purchase through the API lifts a member to Gold", async ({ page, context }) => {
  test.slow();
  const o = await createTiersOrg();
  await context.clearCookies();
  await page.goto("/login");
  await signInByForm(page, o.admin.email, o.password);
  await page.goto(`/programs/${o.program.id}/tiers`);

  const rules = page.getByRole("form", { name: "Tier rules" });
  await rules.getByLabel("A tier lasts (months)").fill("0");
  await rules.getByRole("button", { name: "Save tier rules" }).click();
  await expect(rules.getByText("A tier lasts at least 1 month; leave empty for tiers that never expire.")).toBeVisible();
  await rules.getByLabel("A tier lasts (months)").fill("12");
  await rules.getByLabel("Secondary members of a group follow the primary member's tier").check();
  await rules.getByRole("button", { name: "Save tier rules" }).click();
  await expect(page.getByText("Tier rules saved")).toBeVisible();

  const add = page.getByRole("form", { name: "Add a tier" });
  await add.getByLabel("Tier name").fill("Silver");
  await add.getByRole("button", { name: "Add tier" }).click();
  await expect(page.getByRole("cell", { name: "Silver" })).toBeVisible();

  // A threshold below the tier under it is refused on the field, and nothing is added.
  await add.getByLabel("Tier name").fill("Gold");
  await add.getByLabel("Upgrade threshold").fill("0");
  await add.getByRole("button", { name: "Add tier" }).click();
  await expect(add.getByText("Tier 2 (Gold) needs a threshold above tier 1 (Silver, 0).")).toBeVisible();
  await add.getByLabel("Upgrade threshold").fill("5000");
  await add.getByRole("button", { name: "Add tier" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Gold" })).toContainText("5,000");

  // A purchase of 5,200 lifts the member to Gold in the same answer.
  const res = await page.request.post(`/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${o.customer.mobile}`, {
    headers: { authorization: o.authorization },
    data: { type: "REGULAR", billNumber: `TIER-${Date.now()}`, billAmount: 5200 },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { tierChanges?: { slabAction: string; currentSlab: { name: string } }[] };
  expect(body.tierChanges).toEqual([expect.objectContaining({ slabAction: "UPGRADE", currentSlab: { number: 2, name: "Gold" } })]);

  await page.reload();
  const gold = page.getByRole("row").filter({ hasText: "Gold" });
  await expect(gold.getByRole("cell").nth(4)).toHaveText("1");
  // A tier a member holds cannot be removed: the dialog says so and the tier stays.
  await gold.getByRole("button", { name: "Remove Gold" }).click();
  await expect(page.getByRole("dialog")).toContainText("1 member(s) hold Gold; move them first.");
  await page.getByRole("dialog").getByRole("button", { name: "Remove tier" }).click();
  await expect(page.getByText("1 member holds Gold: move them to another tier first.")).toBeVisible();
  await expect(gold).toBeVisible();
});

test("a viewer reads a program's tiers without controls", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/programs");
  await page.getByRole("link", { name: "Demo Retail Rewards" }).click();
  await page.getByRole("link", { name: "Tiers" }).click();
  await expect(page.getByRole("cell", { name: "Gold" })).toBeVisible();
  await expect(page.getByText("You can read these tiers; only an admin or a program manager can change them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add tier" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save tier rules" })).toHaveCount(0);
});
