import { expect, test } from "./fixtures";
import { libFixture, signInAs, type StrangerFixture } from "./lib-fixtures";

// Issue 10 "Access", the console's doors: an ADMIN of a second org (every permission there) asks
// every console page that takes an id, every list, the search, the audit log and the export for
// the demo org's programs, customers, group and fleet hierarchies, and gets a 404 or zero rows.
// Each refusal has a control beside it: the same door with the second org's own id answers, so
// the 404 is the org boundary, not a broken page. lib/api/cross-org.db.test.ts covers the API.

let f: StrangerFixture;
test.beforeAll(async () => {
  f = await libFixture("stranger");
});
test.beforeEach(async ({ page }) => {
  await signInAs(page, f.admin);
});

// Each door: a path for an id, the second org's own id (the control, 200), the first org's ids
// (each a 404 with the segment's not-found heading).
const DOORS: { path: (id: number | string) => string; own: () => number | null; theirs: () => number[]; heading: string }[] = [
  ...["", "/strategies", "/tiers", "/workflows"].map((tab) => ({
    path: (id: number | string) => `/programs/${id}${tab}`, own: () => f.own.program.id, theirs: () => f.demo.programs.map((p) => p.id), heading: "Program not found",
  })),
  ...["", "?tab=transactions", "?tab=groups", "?tab=audit"].map((tab) => ({
    path: (id: number | string) => `/member-care/customers/${id}${tab}`, own: () => f.own.customerId, theirs: () => f.demo.customers.map((c) => c.id), heading: "Customer not found",
  })),
  { path: (id) => `/member-care/groups/${id}`, own: () => f.own.group.id, theirs: () => [f.demo.group.id], heading: "Group not found" },
  // The second org has no hierarchy of its own; e2e/settings-fleet-hierarchies.spec.ts opens one.
  { path: (id) => `/settings/fleet-hierarchies/${id}`, own: () => null, theirs: () => f.demo.fleetHierarchies.map((h) => h.id), heading: "Fleet hierarchy not found" },
];

for (const door of DOORS) {
  test(`${door.path(":id")} answers 404 for every id of the first org`, async ({ page }) => {
    const own = door.own();
    if (own !== null) expect((await page.goto(door.path(own)))?.status(), door.path(own)).toBe(200);
    const theirs = door.theirs();
    expect(theirs.length).toBeGreaterThan(0);
    for (const id of theirs) {
      const res = await page.goto(door.path(id));
      expect(res?.status(), door.path(id)).toBe(404);
      await expect(page.getByRole("heading", { name: door.heading, level: 1 })).toBeVisible();
    }
  });
}

test("the fixture names the first org's rows the doors are asked for", () => {
  expect(f.demo.programs.length).toBeGreaterThanOrEqual(3);
  expect(f.demo.customers).toHaveLength(3);
  expect(f.demo.fleetHierarchies.length).toBeGreaterThanOrEqual(2);
  expect(f.demo.stores.length).toBeGreaterThanOrEqual(3);
  expect(f.demo.auditEntries).toBeGreaterThan(0);
});

test("the group members export refuses the first org's group and serves its own", async ({ page }) => {
  const own = await page.request.get(`/member-care/groups/${f.own.group.id}/members.csv`);
  expect(own.status()).toBe(200);
  expect((await own.text()).split("\r\n")[0]).toBe("customer_id,first_name,last_name,mobile,email,role,default_group,permissions,joined_at,exited_at,points_contributed");
  for (const status of ["all", "active", "exited"]) {
    const res = await page.request.get(`/member-care/groups/${f.demo.group.id}/members.csv?status=${status}`);
    expect([res.status(), await res.text()]).toEqual([404, "No such group."]);
  }
});

test("lists show none of the first org's programs, users, API clients, hierarchies or stores", async ({ page }) => {
  await page.goto("/programs");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: f.own.program.name })).toBeVisible();
  for (const p of f.demo.programs) await expect(main).not.toContainText(p.name);

  await page.goto("/settings/users");
  await expect(main).toContainText(f.admin.email);
  for (const email of f.demo.userEmails) await expect(main).not.toContainText(email);

  await page.goto("/settings/api-clients");
  await expect(main.getByRole("row").filter({ hasText: f.own.apiClientId })).toBeVisible();
  for (const c of f.demo.apiClients) {
    await expect(main).not.toContainText(c.clientId);
    await expect(main).not.toContainText(c.name);
  }

  await page.goto("/settings/fleet-hierarchies");
  await expect(main.getByRole("heading", { name: "No fleet hierarchies yet" })).toBeVisible();

  for (const tab of ["zones", "concepts", "card-series", "stores", "tills"]) {
    await page.goto(`/settings/organisation?tab=${tab}`);
    await expect(main.getByRole("heading", { name: `No ${tab.replace("-", " ")} yet` }), tab).toBeVisible();
  }
});

test("Member Care search finds none of the first org's customers or groups, by any key", async ({ page }) => {
  const main = page.getByRole("main");
  for (const c of f.demo.customers) {
    for (const q of [c.mobile, String(c.id), c.firstName]) {
      await page.goto(`/member-care?${new URLSearchParams({ q })}`);
      await expect(main.getByRole("heading", { name: "Customers (0)" })).toBeVisible();
      await expect(main.getByText(`No customer matches “${q}”.`)).toBeVisible();
    }
  }
  // Control: the org's own group is found by the same search.
  await page.goto(`/member-care?${new URLSearchParams({ q: f.own.group.name, in: "groups" })}`);
  await expect(main.getByRole("heading", { name: "Groups (1)" })).toBeVisible();
  for (const q of [String(f.demo.group.id), f.demo.group.name, f.demo.group.externalId, f.demo.customers[0]!.mobile]) {
    await page.goto(`/member-care?${new URLSearchParams({ q, in: "groups" })}`);
    await expect(main.getByRole("heading", { name: "Groups (0)" }), q).toBeVisible();
  }
});

test("the audit log shows the org's own entry and none of the first org's", async ({ page }) => {
  await page.goto("/settings/audit");
  const rows = page.getByRole("table", { name: "Audit log entries" }).getByRole("row");
  // The header row and the second org's one entry (its admin revoked its API client).
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(f.admin.email);
  for (const email of f.demo.userEmails) {
    await page.goto(`/settings/audit?${new URLSearchParams({ actor: email })}`);
    await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  }
});
