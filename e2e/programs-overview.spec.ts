import { expect, test } from "./fixtures";
import { libFixture, signInAs } from "./lib-fixtures";

// The programs overview's trend (seed 003's MLP overview), in a fresh org whose ledger moved
// through lib/ (lib/testing/trend-factories.ts): two customers earn 500 and 300 and a group 100,
// one customer redeems 120, the other's 80 expire. The spec reads the chart's table, not pixels.

test("the Programs page charts points issued, redeemed and expired and active members, for the org and per program", async ({ page }) => {
  test.setTimeout(90_000);
  const fx = await libFixture("trend");
  await signInAs(page, fx.admin);
  await page.goto("/programs");
  await expect(page.getByRole("heading", { name: "Points and members over time" })).toBeVisible();
  await expect(page.getByTestId("programs-trend-chart")).toBeVisible();
  const weekly = page.getByRole("table", { name: "Points and members by week for All programs" });
  await expect(weekly.getByRole("row")).toHaveCount(13);
  // This week is the last row: issued, redeemed, expired, active members.
  await expect(weekly.getByRole("row").last().getByRole("cell")).toHaveText(["900", "120", "80", "2"]);
  await expect(weekly.getByRole("row").nth(1).getByRole("cell")).toHaveText(["0", "0", "0", "0"]);

  // Per program and per day: the choice lands in the URL, and back returns to the org's weeks.
  const trend = page.getByRole("form", { name: "Trend" });
  await trend.getByLabel("Program").selectOption({ label: fx.programs.default.name });
  await trend.getByLabel("Period").selectOption("day");
  await trend.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`trendProgram=${fx.programs.default.id}&trendGrain=day`));
  const daily = page.getByRole("table", { name: `Points and members by day for ${fx.programs.default.name}` });
  await expect(daily.getByRole("row")).toHaveCount(31);
  const today = new Date().toISOString().slice(0, 10);
  await expect(daily.getByRole("row").last().getByRole("rowheader")).toHaveText(today);
  await expect(daily.getByRole("row").last().getByRole("cell")).toHaveText(["900", "120", "80", "2"]);

  // A program where nothing moved says so instead of drawing an empty chart.
  await page.goto(`/programs?trendProgram=${fx.programs.quiet.id}`);
  await expect(page.getByRole("status").filter({ hasText: `No points moved in ${fx.programs.quiet.name}` })).toBeVisible();
  await expect(page.getByTestId("programs-trend-chart")).toHaveCount(0);
  await page.goBack();
  await expect(daily.getByRole("row").last().getByRole("cell")).toHaveText(["900", "120", "80", "2"]);
});
