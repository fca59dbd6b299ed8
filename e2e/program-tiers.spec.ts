import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTiersOrg } from "./tier-fixtures";
import { expect, signInByForm, test } from "./fixtures";

/** A webhook receiver on loopback that keeps what it is sent and answers 200. */
async function receiver() {
  const got: { event: string | undefined; signature: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ event: req.headers["x-loyalty-event"] as string | undefined, signature: req.headers["x-loyalty-signature"] as string | undefined, body });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/loyalty`, got, close: () => server.close() };
}

test("an admin sets up tiers and a tierUpgraded webhook; a purchase lifts a member to Gold and the delivery shows in the log", async ({ page, context }) => {
  test.slow();
  const o = await createTiersOrg();
  const hook = await receiver();
  await context.clearCookies();
  // Signed out, the tab sends us to sign in and back: waiting for the way back means the session is set.
  await page.goto(`/programs/${o.program.id}/tiers`);
  await signInByForm(page, o.admin.email, o.password);
  await expect(page).toHaveURL(new RegExp(`/programs/${o.program.id}/tiers$`));

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
  await expect(page.getByRole("cell", { name: "Silver", exact: true })).toBeVisible();

  // A threshold below the tier under it is refused on the field, and nothing is added.
  await add.getByLabel("Tier name").fill("Gold");
  await add.getByLabel("Upgrade threshold").fill("0");
  await add.getByRole("button", { name: "Add tier" }).click();
  await expect(add.getByText("Tier 2 (Gold) needs a threshold above tier 1 (Silver, 0).")).toBeVisible();
  await add.getByLabel("Upgrade threshold").fill("5000");
  await add.getByRole("button", { name: "Add tier" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Gold" })).toContainText("5,000");

  await page.goto("/settings/webhooks");
  const create = page.getByRole("form", { name: "New webhook" });
  await create.getByLabel("Name").fill("Tier sync");
  await create.getByLabel("URL").fill("ftp://example.com/x");
  await create.getByRole("button", { name: "Create webhook" }).click();
  await expect(create.getByText("Choose at least one event.")).toBeVisible();
  await create.getByLabel("tierUpgraded").check();
  await create.getByRole("button", { name: "Create webhook" }).click();
  await expect(create.getByText("Webhook URLs must use http or https.")).toBeVisible();
  await create.getByLabel("URL").fill(hook.url);
  await create.getByLabel("Custom headers").fill("client-key: abc-123");
  await create.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByText("Tier sync: copy the signing secret now")).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  await page.getByRole("button", { name: "I have stored the secret" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Tier sync" })).toContainText("Active");

  // A purchase of 5,200 lifts the member to Gold in the same answer.
  const res = await page.request.post(`/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${o.customer.mobile}`, {
    headers: { authorization: o.authorization },
    data: { type: "REGULAR", billNumber: `TIER-${Date.now()}`, billAmount: 5200 },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { tierChanges?: { slabAction: string; currentSlab: { name: string } }[] };
  expect(body.tierChanges).toEqual([expect.objectContaining({ slabAction: "UPGRADE", currentSlab: { number: 2, name: "Gold" } })]);

  // The worker beside the console sends the signed event; the log shows the receiver's 200.
  await expect.poll(() => hook.got.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(hook.got[0]).toMatchObject({ event: "tierUpgraded", signature: expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/) });
  expect(JSON.parse(hook.got[0]!.body)).toMatchObject({ eventName: "tierUpgraded", data: { upgradedTierNumber: 2, loyaltyProgramDetails: { tiers: [{ tierName: "Silver" }, { tierName: "Gold" }] } } });
  await page.goto("/settings/webhooks");
  const delivery = page.getByRole("table", { name: "Webhook deliveries" }).getByRole("row").filter({ hasText: "tierUpgraded" });
  await expect(delivery).toContainText("delivered");
  await expect(delivery.getByRole("cell").nth(4)).toHaveText("200");
  hook.close();

  await page.goto(`/programs/${o.program.id}/tiers`);
  const gold = page.getByRole("row").filter({ hasText: "Gold" });
  await expect(gold.getByRole("cell").nth(4)).toHaveText("1");
  // A tier is edited in its dialog; the table shows the change.
  await gold.getByRole("button", { name: "Edit Gold" }).click();
  const edit = page.getByRole("dialog").getByRole("form", { name: "Edit Gold" });
  await edit.getByLabel("Renewal threshold").fill("4000");
  await edit.getByRole("button", { name: "Save tier" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(gold.getByRole("cell").nth(3)).toHaveText("4,000");
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
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  await page.getByRole("link", { name: "Tiers", exact: true }).click();
  await expect(page).toHaveURL(/\/programs\/\d+\/tiers$/);
  await expect(page.getByRole("cell", { name: "Gold" })).toBeVisible();
  await expect(page.getByText("You can read these tiers; only an admin or a program manager can change them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add tier" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save tier rules" })).toHaveCount(0);
});
