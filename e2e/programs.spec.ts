import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// By role, so the hidden copy Next streams in before swapping it into place never counts.
const inactiveBanner = (page: Page) => page.getByRole("status").filter({ hasText: "This program is inactive." });

// Programs list, Create Program and the program page (SPEC §6, seed 003). The demo org is a
// concept MLP: Trends is mapped to "Trends Style Club", Jewel to the inactive "Jewel Circle".

test("the list stars the default program first and shows a program's identifier on focus", async ({ page }) => {
  await page.goto("/programs");
  // The list's own rows (the trend above it has a table of its own).
  const list = page.getByRole("table", { name: "Programs of Demo Retail" });
  const rows = list.getByRole("row");
  await expect(rows.nth(1)).toContainText("Demo Retail Rewards");
  await expect(rows.nth(1).getByRole("img", { name: "Default program" })).toBeVisible();
  await expect(page.getByTestId("programs-legend")).toContainText("The default program: every event runs in it");
  // The org's name in the header is plain text, not a link.
  await expect(page.getByTestId("org-name")).toHaveText("Demo Retail");
  expect(await page.getByTestId("org-name").evaluate((el) => el.closest("a") === null && getComputedStyle(el).cursor !== "pointer")).toBe(true);
  const trends = rows.filter({ hasText: "Trends Style Club" });
  await expect(trends).toContainText("Trends");
  await expect(trends).toContainText("Active");
  for (const header of ["Tiers", "Points issued", "Points redeemed", "Points expired", "Entities mapped"]) {
    await expect(page.getByRole("columnheader", { name: header })).toBeVisible();
  }

  const link = page.getByRole("link", { name: "Trends Style Club" });
  await link.focus();
  const tooltip = page.getByRole("tooltip").filter({ hasText: /Program identifier: \d+/ }).first();
  await expect(tooltip).toBeVisible();
  const id = (await tooltip.textContent())?.match(/\d+/)?.[0];
  await expect(link).toHaveAttribute("href", `/programs/${id}`);

  // Sorting by tiers keeps the default program first.
  await page.getByRole("link", { name: /Tiers/ }).click();
  await expect(page).toHaveURL(/sort=tiers/);
  await expect(rows.nth(1)).toContainText("Demo Retail Rewards");
});

test("a program manager creates a program, activates it, renames it and deactivates it", async ({ page, asRole }) => {
  // The whole life of a program in one story: more steps than the default 30 s allows on a busy machine.
  test.slow();
  await asRole("PROGRAM_MANAGER");
  const name = `Foodworld Club ${Date.now()}`;
  await page.goto("/programs");
  await page.getByRole("link", { name: "Create program" }).click();
  await expect(page.getByRole("heading", { name: "Create program" })).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Grocery brand program");
  await page.getByRole("checkbox", { name: /Priya Manager/ }).check();
  // Trends already belongs to Trends Style Club: it is listed but cannot be chosen.
  await expect(page.getByText("Concept Trends is already mapped to Trends Style Club")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Trends/ })).toBeDisabled();
  await page.getByPlaceholder("Search concepts").fill("food");
  await expect(page.getByRole("checkbox", { name: /^Jewel/ })).toHaveCount(0);
  await page.getByRole("checkbox", { name: /^Foodworld/ }).check();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(inactiveBanner(page)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Program sections" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("listitem").filter({ hasText: "Concept Foodworld" })).toBeVisible();
  await expect(page.getByText("manager@demo.test")).toBeVisible();

  await page.getByRole("button", { name: "Activate program", exact: true }).click();
  await expect(inactiveBanner(page)).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 }).getByText("Active", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Edit program" }).click();
  await page.getByLabel("Program name").fill(`${name} Plus`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} Plus` })).toBeVisible();

  await page.getByRole("button", { name: "Deactivate program" }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${name} Plus?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Deactivate program" }).click();
  await expect(inactiveBanner(page)).toBeVisible();

  await page.getByRole("link", { name: "Workflows" }).click();
  await expect(page.getByTestId("workflow-status")).toContainText("Nothing is LIVE yet.");
  await page.goto("/programs?sort=created&dir=desc");
  await expect(page.getByRole("row").filter({ hasText: `${name} Plus` })).toContainText("Foodworld");
});

test("Create Program refuses a forbidden character and a name already in use, on the name field", async ({ page }) => {
  await page.goto("/programs/new");
  const nameField = page.getByLabel("Name");
  // The rule is in view before typing, "<" included; a refusal names every offending character.
  await expect(page.getByText("Not allowed: ! @ # $ % ^ & * ( ) - _ = + \\ | { } ; : / ? . < >")).toBeVisible();
  await nameField.fill("Club@Home");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Name cannot contain "@".')).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await nameField.fill("<Club> @ Home");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Name cannot contain "<", ">" or "@".')).toBeVisible();

  await nameField.fill("Trends Style Club");
  // Jewel is taken too; a program must be mapped to something before the name is checked.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Choose at least one entity (or ROOT for all that are free): a program mapped to nothing never receives an event.")).toBeVisible();
  await expect(page).toHaveURL(/\/programs\/new$/);
  await expect(page).toHaveURL(/\/programs\/new$/);
});

test("the default program cannot be deactivated and an unknown program is a 404", async ({ page }) => {
  await page.goto("/programs");
  await page.getByRole("link", { name: "Demo Retail Rewards" }).click();
  await expect(page.getByText("The default program cannot be deactivated")).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate program" })).toHaveCount(0);

  await page.goto("/programs/99999999");
  await expect(page.getByRole("heading", { name: "Program not found" })).toBeVisible();
  await page.goto("/programs/not-a-number/tiers");
  await expect(page.getByRole("heading", { name: "Program not found" })).toBeVisible();
});

test("a viewer can read programs but not create, edit or activate them, even by URL or direct action", async ({ page, asRole }) => {
  // As admin, capture the activation request for the inactive Jewel Circle without sending it.
  await page.goto("/programs");
  const href = await page.getByRole("link", { name: "Jewel Circle" }).getAttribute("href");
  const programUrl = new URL(href ?? "/missing", page.url()).toString();
  await page.goto(programUrl);
  await expect(inactiveBanner(page)).toBeVisible();
  let captured: { headers: Record<string, string>; body: string } | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  // Clicks until the page has hydrated and the button sends its action.
  await expect(async () => {
    await page.getByRole("button", { name: "Activate program", exact: true }).click();
    expect(captured?.headers["next-action"]).toMatch(/^\w+$/);
  }).toPass({ intervals: [500, 1000, 2000] });
  await page.unrouteAll({ behavior: "ignoreErrors" });

  await asRole("VIEWER");
  await page.goto("/programs");
  await expect(page.getByRole("link", { name: "Jewel Circle" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create program" })).toHaveCount(0);

  await page.goto("/programs/new");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

  await page.goto(programUrl);
  await expect(inactiveBanner(page)).toBeVisible();
  await expect(page.getByText("Ask a program manager or an admin to activate it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate program", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit program" })).toHaveCount(0);

  // Replaying the admin's action with the viewer's session changes nothing.
  const { headers, body } = captured ?? { headers: {}, body: "" };
  const replay = await page.request.post(programUrl, {
    headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: body,
  });
  expect(await replay.text()).toContain("Your role does not allow this.");
  await page.reload();
  await expect(inactiveBanner(page)).toBeVisible();
});

// Setup through Settings → Organisation: the e2e fixtures have no database access yet, and the
// demo org's free concepts are used by the other specs.
async function newConcept(page: Page, code: string) {
  await page.goto("/settings/organisation?tab=concepts");
  await page.getByRole("button", { name: "Add concept" }).click();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill(`Concept ${code}`);
  await page.getByRole("button", { name: "Create concept" }).click();
  await expect(page.getByRole("row", { name: new RegExp(code) })).toContainText("Active");
}

test("a program is created mapped to an entity, and unmapped entities can be added to it later", async ({ page }) => {
  const id = Date.now().toString(36).toUpperCase();
  await newConcept(page, `A-${id}`);
  await newConcept(page, `B-${id}`);
  const name = `Mapped Club ${id}`;
  await page.goto("/programs/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: new RegExp(`^Concept A-${id}`) }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Concept A-${id}` })).toBeVisible();

  await page.getByRole("button", { name: "Add concepts" }).click();
  const form = page.getByRole("form", { name: "Add concepts" });
  await expect(form.getByRole("checkbox", { name: /^Trends/ })).toBeDisabled();
  await form.getByRole("checkbox", { name: new RegExp(`^Concept B-${id}`) }).check();
  await form.getByRole("button", { name: "Add concepts" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `Concept B-${id}` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Concept A-${id}` })).toBeVisible();
});
