import { expect, registerCustomer, test } from "./fixtures";

test("a member-care agent finds a customer by mobile and opens their page with identifiers and programs", async ({ page, asRole }) => {
  const customer = await registerCustomer(page.request, { firstName: "Noor", lastName: "Haddad" });
  await asRole("MEMBER_CARE");
  await page.goto("/member-care");
  const box = page.getByRole("searchbox", { name: "Search customers and groups" });
  await expect(box).toBeFocused();
  await box.fill(customer.mobile);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${customer.mobile}`));
  const results = page.getByRole("region", { name: /Customers/ });
  await expect(results.getByRole("heading", { name: "Customers (1)" })).toBeVisible();
  const row = results.getByRole("row").filter({ hasText: "Noor Haddad" });
  await expect(row).toContainText(String(customer.id));
  await expect(row).toContainText(customer.mobile);
  await row.getByRole("link", { name: "Noor Haddad" }).click();

  await expect(page).toHaveURL(`/member-care/customers/${customer.id}`);
  await expect(page.getByRole("heading", { name: "Noor Haddad", level: 1 })).toBeVisible();
  await expect(page.getByText(`Customer ${customer.id} · joined`)).toBeVisible();
  const ids = page.getByRole("region", { name: "Source INSTORE" });
  await expect(ids).toContainText(customer.mobile);
  await expect(ids).toContainText(customer.email);
  await expect(ids).toContainText(customer.externalId);
  // Registered at TILL-001 (Trends): the default program and Trends Style Club, each at its first tier.
  await expect(page.getByRole("region", { name: /^Program / })).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Program Demo Retail Rewards" })).toContainText("Silver");
  await expect(page.getByRole("region", { name: "Program Trends Style Club" })).toContainText("SilverTrends");
});

test("the one box finds a customer by email, external id, card, id and name", async ({ page, asRole }) => {
  const card = `9100${Date.now()}`.slice(0, 15);
  const customer = await registerCustomer(page.request, { firstName: "Ines", lastName: "Carvalho", card });
  await asRole("MEMBER_CARE");
  for (const q of [customer.email.toUpperCase(), customer.externalId, card, String(customer.id), "Ines Carvalho"]) {
    await page.goto(`/member-care?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("row").filter({ hasText: String(customer.id) }), q).toBeVisible();
  }
  await page.getByRole("link", { name: /Ines Carvalho/ }).first().click();
  await expect(page.getByRole("region", { name: "Source INSTORE" })).toContainText("Classic card (CLASSIC)");
});

test("a search without a match says so, and an unknown customer page is a 404", async ({ page, asRole }) => {
  await asRole("MEMBER_CARE");
  await page.goto("/member-care?q=nobody-matches-this-zz");
  await expect(page.getByText("No customer matches “nobody-matches-this-zz”")).toBeVisible();
  await page.goto("/member-care/customers/999999999");
  await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
  await page.goto("/member-care/customers/not-a-number");
  await expect(page.getByRole("heading", { name: "Customer not found" })).toBeVisible();
});

test("viewers and program managers read a customer's page too", async ({ page, asRole }) => {
  for (const role of ["VIEWER", "PROGRAM_MANAGER"] as const) {
    await asRole(role);
    await page.goto("/member-care?q=9781027293");
    await page.getByRole("link", { name: "Ben Okafor" }).click();
    await expect(page).toHaveURL("/member-care/customers/564662500");
    await expect(page.getByRole("region", { name: "Source INSTORE" })).toContainText("9781027293");
  }
});

test("search results are walked with the arrow keys and opened with Enter", async ({ page, asRole }) => {
  // Two customers sharing a surname no one else has: the search lists them by id, oldest first.
  const surname = `Arrow${Date.now().toString(36).replace(/\d/g, "").padEnd(6, "x")}`;
  const first = await registerCustomer(page.request, { firstName: "Uma", lastName: surname });
  const second = await registerCustomer(page.request, { firstName: "Viv", lastName: surname });
  await asRole("MEMBER_CARE");
  await page.goto("/member-care");
  const box = page.getByRole("searchbox", { name: "Search customers and groups" });
  await box.fill(surname);
  const table = page.getByRole("table", { name: `Customers matching ${surname}` });
  await expect(table.getByRole("row")).toHaveCount(3);
  const uma = table.getByRole("link", { name: `Uma ${surname}` });
  const viv = table.getByRole("link", { name: `Viv ${surname}` });

  await box.press("ArrowDown");
  await expect(uma).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(viv).toBeFocused();
  // The last result stays put; up walks back to the box.
  await page.keyboard.press("ArrowDown");
  await expect(viv).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(uma).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(box).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/member-care/customers/${second.id}`);
  await expect(page.getByRole("heading", { name: `Viv ${surname}`, level: 1 })).toBeVisible();
  // Back returns to the search as it was typed.
  await page.goBack();
  await expect(page).toHaveURL(`/member-care?q=${surname}`);
  await expect(page.getByRole("table", { name: `Customers matching ${surname}` }).getByRole("link", { name: `Uma ${surname}` })).toHaveAttribute("href", `/member-care/customers/${first.id}`);
});

test("a typed search that finds nothing names what was searched, for customers and for groups", async ({ page, asRole }) => {
  await asRole("MEMBER_CARE");
  await page.goto("/member-care");
  const text = `nobody-${Date.now()}`;
  await page.getByRole("searchbox", { name: "Search customers and groups" }).fill(text);
  await expect(page.getByRole("heading", { name: "Customers (0)" })).toBeVisible();
  await expect(page.getByText(`No customer matches “${text}”. Check the number, or try the start of the name or email.`)).toBeVisible();
  // The switch keeps the text and searches groups instead.
  await page.getByRole("navigation", { name: "Search in" }).getByRole("link", { name: "Groups" }).click();
  await expect(page).toHaveURL(`/member-care?q=${text}&in=groups`);
  await expect(page.getByRole("searchbox", { name: "Search groups" })).toHaveValue(text);
  await expect(page.getByRole("heading", { name: "No groups found" })).toBeVisible();
  await expect(page.getByText(`No group matches “${text}”.`, { exact: false })).toBeVisible();
});
