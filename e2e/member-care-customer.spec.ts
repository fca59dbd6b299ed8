import type { Page } from "@playwright/test";
import { expect, registerCustomer, test } from "./fixtures";
import { libFixture, signInAs } from "./lib-fixtures";

// The customer page for agents: KPIs per program, the ledger with its provenance, and the manual
// adjustment (MEMBER_CARE and ADMIN only), idempotent on a double submit. Customers are made
// through the API for each test; the demo org's rows are only read.

test("an agent adjusts a customer's points with a reason; a double submit counts once; ledger and audit show it", async ({ page, asRole }) => {
  // A long walk through three screens and two roles.
  test.setTimeout(90_000);
  const customer = await registerCustomer(page.request, { firstName: "Ravi", lastName: "Kumar" });
  await asRole("MEMBER_CARE");
  await page.goto(`/member-care/customers/${customer.id}`);
  await expect(page.getByRole("heading", { name: "Ravi Kumar", level: 1 })).toBeVisible();
  const defaultProgram = page.getByRole("region", { name: "Program Demo Retail Rewards" });
  await expect(defaultProgram).toContainText("Current points0");
  await expect(page.getByRole("table", { name: "Points ledger" })).toContainText("No points have moved in this program yet.");

  await page.getByRole("button", { name: "Adjust points" }).click();
  const form = page.getByRole("form", { name: "Adjust points" });
  await form.getByLabel("Points").fill("120");
  await form.getByLabel("Reason").fill("Goodwill: parcel arrived late");
  // The same submit twice before the first answer: the form's one idempotency key makes it one adjustment.
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await expect(page.getByText("Points adjusted").first()).toBeVisible();

  await page.reload();
  await expect(defaultProgram).toContainText("Current points120");
  const ledger = page.getByRole("table", { name: "Points ledger" });
  const rows = ledger.getByRole("row").filter({ hasText: "Adjusted" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("+120");
  await expect(rows.first()).toContainText("Goodwill: parcel arrived late");
  await expect(rows.first()).toContainText("Agent: Carlos Agent");
  await expect(page.getByRole("table", { name: "Expiry schedule" })).toContainText("120");
  await expect(page.getByTestId("points-chart")).toBeVisible();

  await page.getByRole("link", { name: "Audit" }).click();
  const audit = page.getByRole("table", { name: "Customer audit log" }).getByRole("row").filter({ hasText: "Points adjusted" });
  await expect(audit).toHaveCount(1);
  await expect(audit).toContainText("agent@demo.test");

  // The org's audit log (admins and program managers) has the same entry.
  await asRole("ADMIN");
  await page.goto(`/settings/audit?action=points.adjust&entityType=Customer`);
  await expect(page.getByRole("row").filter({ hasText: `#${customer.id}` })).toHaveCount(1);
});

test("a viewer and a program manager read the customer but get no adjust control", async ({ page, asRole }) => {
  const customer = await registerCustomer(page.request, { firstName: "Vik", lastName: "Readonly" });
  for (const role of ["VIEWER", "PROGRAM_MANAGER"] as const) {
    await asRole(role);
    await page.goto(`/member-care/customers/${customer.id}`);
    await expect(page.getByRole("heading", { name: "Vik Readonly", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Points ledger" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Adjust points" })).toHaveCount(0);
  }
});

test("the tabs are links: transactions and groups, and a missing customer is HTTP 404", async ({ page, asRole }) => {
  const customer = await registerCustomer(page.request, { firstName: "Tab", lastName: "Walker" });
  await asRole("MEMBER_CARE");
  await page.goto(`/member-care/customers/${customer.id}`);
  await page.getByRole("link", { name: "Transactions" }).click();
  await expect(page).toHaveURL(/tab=transactions/);
  await expect(page.getByRole("table", { name: "Transactions" })).toContainText("No transactions yet.");
  await page.getByRole("link", { name: "Groups", exact: true }).click();
  await expect(page.getByText("Not a member of any group.")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/tab=transactions/);
  const res = await page.goto("/member-care/customers/999999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
});

test("an agent upgrades a customer's tier with a reason; a double submit counts once; the tier history and the audit log show it", async ({ page, asRole }) => {
  test.setTimeout(90_000);
  const customer = await registerCustomer(page.request, { firstName: "Tara", lastName: "Tiered" });
  await asRole("MEMBER_CARE");
  await page.goto(`/member-care/customers/${customer.id}`);
  const defaultProgram = page.getByRole("region", { name: "Program Demo Retail Rewards" });
  await expect(defaultProgram).toContainText("Silver");
  await expect(page.getByRole("table", { name: "Tier history" })).toContainText("No tier changes in this program yet.");

  const form = await openPanel(page, "Adjust tier");
  await form.getByLabel("Action").selectOption("UPGRADE");
  await form.getByLabel("To tier").selectOption("Gold");
  await form.getByLabel("Days").fill("30");
  await form.getByLabel("Reason").fill("Goodwill after a lost order");
  // The same submit twice before the first answer: one key, one upgrade. Without it the second
  // would be refused ("already in Gold: an UPGRADE must name a higher tier") or, for a renewal,
  // written twice.
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
  await expect(page.getByText("Tier adjusted").first()).toBeVisible();
  await expect(page.getByText(/must name a higher tier/)).toHaveCount(0);

  await page.reload();
  await expect(defaultProgram).toContainText("Gold");
  const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.now() + 30 * 86_400_000));
  await expect(defaultProgram).toContainText(`until ${until}`);
  const history = page.getByRole("table", { name: "Tier history" }).getByRole("row").filter({ hasText: "Goodwill after a lost order" });
  await expect(history).toHaveCount(1);
  await expect(history).toContainText("Upgrade");
  await expect(history).toContainText("Silver → Gold");
  await expect(history).toContainText("Manual");

  await page.getByRole("link", { name: "Audit" }).click();
  const audit = page.getByRole("table", { name: "Customer audit log" }).getByRole("row").filter({ hasText: "Tier adjusted" });
  await expect(audit).toHaveCount(1);
  await expect(audit).toContainText("agent@demo.test");
});

test("a viewer gets no adjust controls, and the agent's adjustments replayed with the viewer's session are refused", async ({ page, asRole }) => {
  test.setTimeout(90_000);
  const customer = await registerCustomer(page.request, { firstName: "Rhea", lastName: "Replay" });
  const url = `/member-care/customers/${customer.id}`;
  // As the agent, capture each action's request without sending it.
  await asRole("MEMBER_CARE");
  await page.goto(url);
  const captured: { headers: Record<string, string>; body: string }[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured.push({ headers: request.headers(), body: request.postData() ?? "" });
      await route.abort();
    } else {
      await route.continue();
    }
  });
  const points = await openPanel(page, "Adjust points");
  await points.getByLabel("Points").fill("500");
  await points.getByLabel("Reason").fill("Replayed by a viewer");
  await points.getByRole("button", { name: "Adjust points" }).click();
  await expect.poll(() => captured.length).toBe(1);
  await page.goto(url);
  const tier = await openPanel(page, "Adjust tier");
  await tier.getByLabel("To tier").selectOption("Platinum");
  await tier.getByLabel("Reason").fill("Replayed by a viewer");
  await tier.getByRole("button", { name: "Adjust tier" }).click();
  await expect.poll(() => captured.length).toBe(2);
  await page.unrouteAll({ behavior: "ignoreErrors" });

  await asRole("VIEWER");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Rhea Replay", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Adjust points" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Adjust tier" })).toHaveCount(0);
  for (const { headers, body } of captured) {
    const replay = await page.request.post(url, {
      headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: body,
    });
    expect(await replay.text()).toContain("Your role does not allow this.");
  }
  await page.reload();
  const defaultProgram = page.getByRole("region", { name: "Program Demo Retail Rewards" });
  await expect(defaultProgram).toContainText("Current points0");
  await expect(defaultProgram).toContainText("Silver");
  await expect(page.getByRole("table", { name: "Tier history" })).toContainText("No tier changes in this program yet.");
});

test("the ledger pages and sorts on the server, keeps both in the URL, and back walks them", async ({ page }) => {
  test.setTimeout(90_000);
  // A fresh org's customer with 25 agent adjustments, "Adjustment 1" (1 point) to "Adjustment 25".
  const fx = await libFixture("ledger");
  await signInAs(page, fx.agent);
  const url = `/member-care/customers/${fx.customer.id}`;
  await page.goto(url);
  const ledger = page.getByRole("table", { name: "Points ledger" });
  const pager = page.getByRole("navigation", { name: "Pagination" }).filter({ hasText: "25 in all" });
  const oldest = /Adjustment 1(?!\d)/;
  // Newest first, 20 a page.
  await expect(ledger.getByRole("row")).toHaveCount(21);
  await expect(ledger.getByRole("row").nth(1)).toContainText("Adjustment 25");
  await expect(pager).toContainText("Page 1 of 2 · 25 in all");

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(`${url}?ledgerPage=2`);
  await expect(ledger.getByRole("row")).toHaveCount(6);
  await expect(ledger.getByRole("row").last()).toContainText(oldest);

  // Oldest first: a new order starts at its first page; the running balance starts at 1.
  await ledger.getByRole("link", { name: "When (UTC)" }).click();
  await expect(page).toHaveURL(`${url}?ledgerSort=at&ledgerDir=asc`);
  await expect(ledger.getByRole("columnheader", { name: "When (UTC)" })).toHaveAttribute("aria-sort", "ascending");
  await expect(ledger.getByRole("row").nth(1)).toContainText(oldest);
  await expect(ledger.getByRole("row").nth(1).getByRole("cell").nth(3)).toHaveText("1");

  await page.goBack();
  await expect(page).toHaveURL(`${url}?ledgerPage=2`);
  await expect(ledger.getByRole("row")).toHaveCount(6);
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect(ledger.getByRole("row").nth(1)).toContainText("Adjustment 25");
});

/** Opens an agent action's panel (clicking until the page has hydrated) and returns its form. */
async function openPanel(page: Page, name: "Adjust points" | "Adjust tier") {
  const form = page.getByRole("form", { name });
  await expect(async () => {
    if (!(await form.isVisible())) await page.getByRole("button", { name }).click({ timeout: 2_000 });
    await expect(form).toBeVisible({ timeout: 1_000 });
  }).toPass({ intervals: [500, 1000, 2000], timeout: 30_000 });
  return form;
}
