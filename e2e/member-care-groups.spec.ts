import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { libFixture, signInAs, type FamilyFixture } from "./lib-fixtures";

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
  // The demo org keeps one group wallet (CONF_ENABLE_GROUP_POINTS_BY_PROGRAM off), and says so.
  await expect(page.getByRole("heading", { name: "Group wallet: one for all programs", level: 2 })).toBeVisible();
  await expect(page.getByTestId("wallet-mode")).toHaveText(
    "This org keeps one combined group wallet (“Group wallet per program” is off): group points earned in any program are kept in Demo Retail Rewards, the default program, and every group redemption draws on them.",
  );
  const wallet = page.getByRole("table", { name: "Combined group wallet" });
  await expect(wallet.getByRole("row")).toHaveCount(2);
  await expect(wallet.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("All programs (kept in Demo Retail Rewards)");
  await expect(page.getByRole("table", { name: "Group points per program" })).toHaveCount(0);
  // The agent may remove members (member-care:write): the action is offered, behind a confirmation.
  await expect(members.getByRole("button", { name: "Remove Chen Li" })).toBeVisible();
});

test("a viewer reads the group page without member actions; an unknown group is a 404 page", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/member-care/groups/3847940");
  await expect(page.getByRole("heading", { name: "Raman Family", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  // Decided in the layout, before anything streams: the status is a real 404.
  const res = await page.goto("/member-care/groups/999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Group not found" })).toBeVisible();
});

test("a search that matches nothing says so", async ({ page }) => {
  await page.goto("/member-care/groups?q=no-such-family-xyz");
  await expect(page.getByRole("heading", { name: "No groups found" })).toBeVisible();
});

test("an agent finds the demo family by a member's mobile, opens the group and reads its wallet, ledger and members", async ({ page, asRole }) => {
  test.setTimeout(60_000);
  await asRole("MEMBER_CARE");
  await page.goto("/member-care");
  // Asha is a secondary member: the customer search finds her, her header links her groups.
  await page.getByRole("searchbox", { name: "Search customers and groups" }).fill("919000000499");
  const hit = page.getByRole("table", { name: "Customers matching 919000000499" }).getByRole("row").filter({ hasText: "Asha Raman" });
  await expect(hit).toBeVisible();
  // Keyboard: down from the box to the first result, Enter opens it.
  await page.getByRole("searchbox", { name: "Search customers and groups" }).press("ArrowDown");
  await expect(hit.getByRole("link", { name: "Asha Raman" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/member-care/customers/564662499");
  // The header names her groups with her role in each; the family is her default group.
  await expect(page.getByLabel("Customer summary")).toContainText("Raman Family (secondary, default group)");
  await expect(page.getByTestId("customer-status")).toHaveText("Loyalty member");
  // Program-wise KPI cards, the default program first.
  await expect(page.getByRole("region", { name: /^Program / }).first()).toHaveAccessibleName("Program Demo Retail Rewards");
  await expect(page.getByRole("region", { name: /^Program / }).first()).toContainText("Default");
  // Her Groups tab: the family with her role and permissions.
  await page.getByRole("link", { name: "Groups", exact: true }).click();
  await expect(page).toHaveURL("/member-care/customers/564662499?tab=groups");
  const family = page.getByRole("table", { name: "Groups of this customer" }).getByRole("row").filter({ hasText: "Raman Family" });
  await expect(family).toContainText("allow_points_redemption, allow_points_transfer");
  await page.getByLabel("Customer summary").getByRole("link", { name: "Raman Family" }).click();

  await expect(page).toHaveURL("/member-care/groups/3847940");
  await expect(page.getByRole("table", { name: "Combined group wallet" })).toContainText("All programs (kept in Demo Retail Rewards)");
  // Basic info: registered and external id; the group's tier is its primary member's (seeded at the first tier).
  await expect(page.getByText(/^Group 3847940 · external id demo_family_001 · registered \d{1,2} \w{3} \d{4} by seed$/)).toBeVisible();
  await expect(page.getByTestId("group-tier")).toHaveText("Demo Retail Rewards: Silver, Trends Style Club: SilverTrends");
  await expect(page.getByRole("table", { name: "Group ledger" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent transactions" })).toBeVisible();
  const members = page.getByRole("table", { name: "Group members" });
  await expect(members.getByRole("row")).toHaveCount(4);
  // Sorting is a link: the order lands in the URL, and back returns to the previous one.
  await members.getByRole("link", { name: /Joined/ }).click();
  await expect(page).toHaveURL(/membersSort=joined&membersDir=asc/);
  await expect(members.getByRole("columnheader", { name: /Joined/ })).toHaveAttribute("aria-sort", "ascending");
  await page.goBack();
  await expect(page).toHaveURL("/member-care/groups/3847940");
});

test("the members CSV holds the rows the filter shows, and only for someone signed in", async ({ page, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/member-care/groups/3847940");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("group-3847940-members-current.csv");
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("customer_id,first_name,last_name,mobile,email,role,default_group,permissions,joined_at,exited_at,points_contributed");
  // The table shows the three current members; so does the file, primary first.
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^565345942,Dev,Raman,919000005942,.*,PRIMARY,/);
  await page.getByRole("link", { name: /^Exited/ }).click();
  await expect(page.getByRole("table", { name: "Group members" })).toContainText("No member has left this group.");
  // The filter travels with the export: no exited member shown, none in the file.
  const exited = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const exitedFile = await exited;
  expect(exitedFile.suggestedFilename()).toBe("group-3847940-members-exited.csv");
  const exitedText = await (await exitedFile.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(exitedText.trim().split("\r\n")).toEqual([lines[0]]);

  await page.context().clearCookies();
  const anonymous = await page.request.get("/member-care/groups/3847940/members.csv", { maxRedirects: 0 });
  expect([307, 401]).toContain(anonymous.status());
});

test("an agent finds a family by a member's mobile, opens the group and sees the wallet and the member whose bill earned the last credit", async ({ page }) => {
  test.setTimeout(90_000);
  // A fresh org with seed 001's workflow LIVE (the demo org earns nothing on bills): two members
  // each send a card-swiped bill through the API; the later one's is the group's last credit.
  const fx = await libFixture("family");
  const [first, second] = fx.members as [FamilyFixture["members"][number], FamilyFixture["members"][number]];
  for (const [member, number, at] of [[first, "FAM-B-1", Date.now() - 60_000], [second, "FAM-B-2", Date.now()]] as const) {
    const res = await page.request.post(`/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${member.mobile}`, {
      headers: { authorization: fx.authorization },
      data: { type: "REGULAR", billNumber: number, billAmount: 1200, billingDate: new Date(at).toISOString(), extendedFields: { member_card_swiped: "Yes" } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  await signInAs(page, fx.agent);
  await page.goto("/member-care");
  await page.getByRole("searchbox", { name: "Search customers and groups" }).fill(second.mobile);
  await page.getByRole("table", { name: `Customers matching ${second.mobile}` }).getByRole("link", { name: second.name }).click();
  await expect(page).toHaveURL(`/member-care/customers/${second.id}`);
  // The member's own KPIs count the bill: one transaction, its amount in lifetime purchases.
  const kpis = page.getByRole("region", { name: /^Program / }).first();
  await expect(kpis).toContainText("Lifetime purchases1,200");
  await expect(kpis).toContainText("Transactions1");
  // A card-swiped bill earns for the group only (the workflow is mutually exclusive): none for her.
  await expect(kpis).toContainText("Lifetime points0");
  // The Transactions tab lists it, with the points it brought the group.
  await page.getByRole("link", { name: "Transactions", exact: true }).click();
  const bills = page.getByRole("table", { name: "Transactions" });
  await expect(bills.getByRole("row")).toHaveCount(2);
  await expect(bills.getByRole("row").nth(1)).toContainText("FAM-B-2");
  await expect(bills.getByRole("row").nth(1)).toContainText("1,200.00");
  await page.getByLabel("Customer summary").getByRole("link", { name: fx.group.name }).click();

  await expect(page).toHaveURL(`/member-care/groups/${fx.group.id}`);
  // A fresh org keeps one group wallet (the config's default): the combined row holds the balance.
  await expect(page.getByTestId("wallet-mode")).toContainText("This org keeps one combined group wallet");
  const wallet = page.getByRole("table", { name: "Combined group wallet" }).getByRole("row").nth(1);
  const ledger = page.getByRole("table", { name: "Group ledger" });
  const last = ledger.getByRole("row").nth(1);
  // Newest first: the last credit is the second member's bill, and names them.
  await expect(last).toContainText("Earned");
  await expect(last).toContainText("Bill FAM-B-2");
  await expect(last.getByRole("link", { name: second.name })).toBeVisible();
  await expect(ledger.getByRole("row").nth(2)).toContainText("Bill FAM-B-1");
  await expect(ledger.getByRole("row").nth(2).getByRole("link", { name: first.name })).toBeVisible();
  // The wallet holds what the ledger's last row says the balance is.
  const number = async (cell: ReturnType<Page["getByRole"]>) => Number((await cell.innerText()).replace(/,/g, ""));
  const balance = await number(last.getByRole("cell").nth(3));
  expect(balance).toBeGreaterThan(0);
  expect(await number(wallet.getByRole("cell").nth(1))).toBe(balance);
  // Each member's row counts the points their bill brought the group.
  const members = page.getByRole("table", { name: "Group members" });
  for (const [member, row] of [[second, last], [first, ledger.getByRole("row").nth(2)]] as const) {
    const credit = await number(row.getByRole("cell").nth(2));
    expect(credit).toBeGreaterThan(0);
    expect(await number(members.getByRole("row").filter({ hasText: member.name }).getByRole("cell").nth(5))).toBe(credit);
  }
});

test("a big family's members are paged on the server; the filter and page live in the URL, and the CSV holds every row the filter shows", async ({ page }) => {
  test.setTimeout(90_000);
  // A fresh org's group of 25 whose last two members left it.
  const fx = await libFixture("bigFamily");
  await signInAs(page, fx.agent);
  const url = `/member-care/groups/${fx.group.id}`;
  await page.goto(url);
  const members = page.getByRole("table", { name: "Group members" });
  const pager = page.getByRole("navigation", { name: "Pagination" }).filter({ hasText: "in all" });
  await expect(members.getByRole("row")).toHaveCount(21);
  await expect(pager).toContainText("Page 1 of 2 · 23 in all");
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(`${url}?membersPage=2`);
  await expect(members.getByRole("row")).toHaveCount(4);
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect(members.getByRole("row")).toHaveCount(21);

  // What the Export CSV link shown with the filter serves (the download itself is the test above's):
  // the customer ids of its rows.
  const csv = async () => {
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const res = await page.request.get(href ?? "");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
    return (await res.text()).trim().split("\r\n").slice(1).map((line) => Number(line.split(",")[0]));
  };
  const shown = page.getByRole("navigation", { name: "Members shown" });
  await shown.getByRole("link", { name: "Exited (2)" }).click();
  await expect(page).toHaveURL(`${url}?members=exited`);
  await expect(members.getByRole("row")).toHaveCount(3);
  const left = fx.members.slice(-2).map((m) => m.id);
  expect((await csv()).sort((a, b) => a - b)).toEqual([...left].sort((a, b) => a - b));

  // All 25, over two pages on screen; the file has every one, not only the page shown.
  await shown.getByRole("link", { name: "All (25)" }).click();
  await expect(page).toHaveURL(`${url}?members=all`);
  await expect(members.getByRole("row")).toHaveCount(21);
  expect((await csv()).sort((a, b) => a - b)).toEqual(fx.members.map((m) => m.id).sort((a, b) => a - b));
});
