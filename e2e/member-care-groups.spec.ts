import { expect, test } from "./fixtures";

// The demo family (prisma/seed-groups.ts): group 3847940, primary Dev Raman (919000005942),
// members Asha Raman and Chen Li. Read only: the demo org is never changed by specs.
test("a member-care agent finds the demo family by its primary's mobile and opens its group page", async ({ page, asRole }) => {
  await asRole("MEMBER_CARE");
  // The old group search address lands on the one box, switched to Groups.
  await page.goto("/member-care/groups");
  await expect(page).toHaveURL(/\/member-care\?in=groups$/);
  // Results come as the agent types (no submit).
  await page.getByRole("searchbox", { name: "Search groups" }).fill("919000005942");
  await expect(page).toHaveURL(/q=919000005942/);

  const hit = page.getByRole("table", { name: "Groups found" }).getByRole("row").filter({ hasText: "Raman Family" });
  await expect(hit).toContainText("Dev Raman");
  await expect(hit).toContainText("ACTIVE");
  await hit.getByRole("link", { name: "Raman Family" }).click();

  await expect(page).toHaveURL(/\/member-care\/groups\/3847940$/);
  await expect(page.getByRole("heading", { name: "Raman Family", level: 1 })).toBeVisible();
  await expect(page.getByTestId("group-status")).toHaveText("ACTIVE");
  await expect(page.getByTestId("member-count")).toHaveText("3 of 5");
  const members = page.getByRole("table", { name: "Group members" });
  await expect(members.getByRole("row").filter({ hasText: "Dev Raman" })).toContainText("Primary");
  await expect(members.getByRole("row").filter({ hasText: "Asha Raman" })).toContainText("allow_points_redemption, allow_points_transfer");
  await expect(members.getByRole("row").filter({ hasText: "Chen Li" })).toContainText("Secondary");
  await expect(page.getByRole("table", { name: "Group points per program" })).toContainText("Demo Retail Rewards");
  // The agent may remove members (member-care:write): the action is offered, behind a confirmation.
  await expect(members.getByRole("button", { name: "Remove Chen Li" })).toBeVisible();
});

test("a viewer reads the group page without member actions; an unknown group is a 404 page", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/member-care/groups/3847940");
  await expect(page.getByRole("heading", { name: "Raman Family", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await page.goto("/member-care/groups/999999");
  await expect(page.getByRole("heading", { name: "Group not found" })).toBeVisible();
});

test("a search that matches nothing says so", async ({ page }) => {
  await page.goto("/member-care/groups?q=no-such-family-xyz");
  await expect(page.getByRole("heading", { name: "No groups found" })).toBeVisible();
});
