import { expect, registerCustomer, test } from "./fixtures";
import { createEmptyProgram } from "./workflow-fixtures";

// Programs → a program → Strategies: the redemption strategy a program manager sets is the one
// the redemption API applies (issue 11). Each test works on a program it creates itself.

const BACKOFFICE = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;

test("a redemption strategy set on the tab (minimum 50, multiples of 10) refuses a redemption of 45 through the API", async ({ page, request }) => {
  const program = await createEmptyProgram("Strategies test");
  const customer = await registerCustomer(request);

  await page.goto(`/programs/${program.id}/strategies`);
  await expect(page.getByRole("heading", { name: "Redemption strategy" })).toBeVisible();
  await page.getByLabel("Points of this program can be redeemed").check();
  await page.getByLabel("Minimum points to redeem").fill("50");
  await page.getByLabel("In multiples of").fill("10");
  await page.getByLabel("Value of one point (base currency)").fill("0.25");
  await page.getByRole("button", { name: "Save strategies" }).click();
  await expect(page.getByText("Strategies saved")).toBeVisible();

  await page.reload();
  // By role, which reads only what is visible: during the reload a second, hidden copy of the form was seen (strict mode found two checkboxes).
  await expect(page.getByRole("checkbox", { name: "Points of this program can be redeemed" })).toBeChecked();
  await expect(page.getByRole("spinbutton", { name: "Minimum points to redeem" })).toHaveValue("50");
  await expect(page.getByRole("spinbutton", { name: "In multiples of" })).toHaveValue("10");
  await expect(page.getByRole("textbox", { name: "Value of one point (base currency)" })).toHaveValue("0.25");

  const refused = await request.post(`/v2/customers/${customer.id}/redemptions`, {
    headers: { authorization: BACKOFFICE },
    data: { redemptionType: "POINTS", points: 45, programId: program.id, transactionNumber: `E2E-${Date.now()}` },
  });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { errors: { code: number; message: string }[] };
  expect(body.errors[0]).toMatchObject({ code: 821, message: "Less than the minimum redemption limit: redeem at least 50 points (asked for 45)." });

  const notMultiple = await request.post(`/v2/customers/${customer.id}/redemptions`, {
    headers: { authorization: BACKOFFICE },
    data: { points: 55, programId: program.id, commit: false },
  });
  expect(((await notMultiple.json()) as { errors: { code: number }[] }).errors[0]?.code).toBe(807);
});

test("the form says what is wrong, on the field", async ({ page }) => {
  const program = await createEmptyProgram("Strategies form");
  await page.goto(`/programs/${program.id}/strategies`);
  await page.getByLabel("Points of this program can be redeemed").check();
  await page.getByLabel("Minimum points to redeem").fill("100");
  await page.getByLabel("Value of one point (base currency)").fill("0.00000000001");
  await page.getByRole("button", { name: "Save strategies" }).click();
  await expect(page.getByText("Enter the value of a point as a number with at most 10 decimals, e.g. 0.25.")).toBeVisible();

  await page.getByLabel("Value of one point (base currency)").fill("0.5");
  await page.getByLabel("Redemption limit (per transaction)").fill("50");
  await page.getByRole("button", { name: "Save strategies" }).click();
  await expect(page.getByText("The redemption limit cannot be below the minimum points.")).toBeVisible();
  await expect(page.getByLabel("Redemption limit (per transaction)")).toHaveAttribute("aria-invalid", "true");
});

test("a viewer reads the strategies but cannot change them", async ({ page, asRole }) => {
  const program = await createEmptyProgram("Strategies read");
  await asRole("VIEWER");
  await page.goto(`/programs/${program.id}/strategies`);
  await expect(page.getByText("You can read these strategies; only an admin or a program manager can change them.")).toBeVisible();
  await expect(page.getByLabel("Points of this program can be redeemed")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save strategies" })).toHaveCount(0);
});
