import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createEmptyProgram, createProgramWithSeedWorkflow, workflowStates } from "./workflow-fixtures";

// The Workflows tab (issue 8, SPEC §5, seed 001): build, check, simulate and publish a program's
// rules. Each test makes its own program in the demo org (whose TRANSACTION field
// member_card_swiped is Yes | No).

const INDIVIDUAL = 'currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()';

function condition(page: Page, name: string): Locator {
  return page.getByRole("listitem", { name: `Condition ${name}` });
}

/** Replaces a condition's expression by typing it, as a person would. */
async function typeExpression(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
  await page.keyboard.press("Escape");
}

async function addAllocation(page: Page, card: Locator, wallet: "Individual" | "User Group") {
  await card.getByRole("region", { name: "When the expression is true" }).getByRole("button", { name: "Add action" }).click();
  const dialog = page.getByRole("dialog", { name: "Add action" });
  await expect(dialog.getByLabel("Action", { exact: true })).toHaveValue("TRANSACTION_POINT_ALLOCATION");
  await dialog.getByLabel("User entity").selectOption({ label: wallet });
  await dialog.getByLabel("Percent").fill("10");
  await dialog.getByRole("button", { name: "Save action" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText(`10% of the bill → ${wallet} wallet`)).toBeVisible();
}

test("a program manager builds the seed's two conditions from an empty program, saves and publishes them", async ({ page, asRole }) => {
  const program = await createEmptyProgram();
  await asRole("PROGRAM_MANAGER");
  await page.goto(`/programs/${program.id}/workflows`);
  await expect(page.getByTestId("workflow-status")).toContainText("Nothing is LIVE yet.");
  await expect(page.getByRole("heading", { name: /Makes a transaction/ })).toBeVisible();

  await page.getByRole("button", { name: "Add ruleset" }).click();
  await page.getByRole("button", { name: "Add condition" }).click();
  const first = condition(page, "Condition 1");
  await first.getByLabel("Condition name").fill("Individual");
  const individual = condition(page, "Individual");
  const editor = individual.getByRole("textbox", { name: "Expression of Individual" });

  // A typo in the attribute: the error sits at its place and saving is refused.
  await typeExpression(page, editor, 'currentTxn.extField_member_card_swipe=="No"');
  await expect(individual.getByRole("list", { name: "Problems in Individual" })).toContainText("Line 1, column 12:");
  await expect(individual.getByRole("list", { name: "Problems in Individual" })).toContainText("extField_member_card_swipe");
  await expect(individual.locator(".cm-lintRange-error")).toHaveText("extField_member_card_swipe");
  await page.getByRole("button", { name: "Save and Continue" }).click();
  await expect(page.getByText("Fix the condition with errors before saving.")).toBeVisible();
  expect(await workflowStates(program.id)).toEqual([]);

  await typeExpression(page, editor, INDIVIDUAL);
  await expect(individual.getByRole("list", { name: "Problems in Individual" })).toHaveCount(0);
  await addAllocation(page, individual, "Individual");

  // The second condition, typed with autocomplete offering the org's extended field.
  await page.getByRole("button", { name: "Add condition" }).click();
  await condition(page, "Condition 2").getByLabel("Condition name").fill("User Group");
  const group = condition(page, "User Group");
  const groupEditor = group.getByRole("textbox", { name: "Expression of User Group" });
  await groupEditor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("currentTxn.extF");
  const option = page.getByRole("option", { name: /extField_member_card_swiped/ });
  await expect(option).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type('=="Yes"');
  await page.keyboard.press("Escape");
  await expect(groupEditor).toHaveText('currentTxn.extField_member_card_swiped=="Yes"');
  await addAllocation(page, group, "User Group");

  await expect(page.getByRole("region", { name: "Analysis" })).toContainText("No overlap: no event makes two allocation conditions true.");
  await expect(page.getByRole("navigation", { name: "Customer activities" }).getByRole("button", { name: /Makes a transaction/ })).toContainText("2");

  await page.getByRole("button", { name: "Save and Continue" }).click();
  await expect(page.getByText("Draft v1 saved")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Program sections" }).getByRole("img", { name: "Unpublished changes" })).toBeVisible();
  await expect(page.getByTestId("workflow-status")).toContainText("Draft v1 has unpublished changes.");

  await page.getByRole("button", { name: "Publish changes" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish changes" });
  await dialog.getByRole("button", { name: "Publish changes" }).click();
  await expect(dialog.getByText("Enter a note that says what changed.")).toBeVisible();
  await dialog.getByLabel("Change note").fill("Seed 001: individual or group wallet");
  await dialog.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByText("Version 1 is LIVE")).toBeVisible();
  await expect(page.getByTestId("workflow-status")).toContainText("LIVE: version 1");
  await expect(page.getByRole("navigation", { name: "Program sections" }).getByRole("img", { name: "Unpublished changes" })).toHaveCount(0);
  expect(await workflowStates(program.id)).toEqual([{ number: 1, state: "LIVE", note: "Seed 001: individual or group wallet" }]);
});

test("the simulator shows the group allocation for a Yes transaction and the individual one without the field", async ({ page }) => {
  const program = await createProgramWithSeedWorkflow();
  await page.goto(`/programs/${program.id}/workflows`);
  await page.getByRole("tab", { name: "Simulator" }).click();
  const form = page.getByRole("form", { name: "Simulated event" });
  await form.getByLabel("Run against").selectOption({ label: "LIVE v1" });
  await form.getByLabel("Event date").fill("2026-03-31");
  await form.getByLabel("Transaction amount").fill("1234.50");
  await form.getByLabel("Extended field member_card_swiped").selectOption("Yes");
  await form.getByRole("button", { name: "Run simulation" }).click();

  const allocations = page.getByRole("region", { name: "Allocations" });
  const rows = allocations.getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("User Group");
  await expect(rows.nth(1)).toContainText("123");
  await expect(rows.nth(1)).toContainText("Regular");
  await expect(rows.nth(1)).toContainText("2027-03-31");
  await expect(page.getByRole("listitem", { name: "Result of User Group" })).toContainText("matched (runs When true)");
  await expect(page.getByRole("listitem", { name: "Result of Individual" })).toContainText("not matched");

  await form.getByLabel("Extended field member_card_swiped").selectOption({ label: "(not sent)" });
  await form.getByRole("button", { name: "Run simulation" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Individual");
  await expect(rows.nth(1)).toContainText("10% of 1234.5 (currentTxn.value), FLOOR");
  const trace = page.getByRole("listitem", { name: "Result of Individual" });
  await trace.getByText("Evaluation trace").click();
  await expect(trace.getByRole("row", { name: "currentTxn.extField_member_card_swiped.isNull() true", exact: true })).toBeVisible();
  // Nothing was written.
  expect(await workflowStates(program.id)).toEqual([{ number: 1, state: "LIVE", note: "Seed 001" }]);
});

test("the analyser finds no overlap in the seed pair, and an overlap with its witness once isNull() becomes isNotNull()", async ({ page }) => {
  const program = await createProgramWithSeedWorkflow();
  await page.goto(`/programs/${program.id}/workflows`);
  const analysis = page.getByRole("region", { name: "Analysis" });
  await expect(analysis).toContainText("No overlap");
  await expect(analysis).toContainText("No gap: every event is covered by an allocation condition.");

  const editor = condition(page, "Individual").getByRole("textbox", { name: "Expression of Individual" });
  // Hover docs explain a method.
  const at = await editor.evaluate((el, word) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent?.indexOf(word) ?? -1;
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, "isNull");
  if (!at) throw new Error("isNull is not in the editor");
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole("tooltip").filter({ hasText: "isNull() → true/false. true when the attribute is absent (null)." })).toBeVisible();
  await typeExpression(page, editor, 'currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNotNull()');
  const overlap = analysis.getByRole("alert");
  await expect(overlap).toContainText("Overlap: “Individual” and “User Group” can both fire for one event");
  await expect(overlap).toContainText('currentTxn.extField_member_card_swiped is "Yes"');
  await expect(page.getByTestId("workflow-status")).toContainText("Unsaved edits.");
});

test("conditions reorder by keyboard and drag, duplicate, and delete only after confirming; history compares and restores", async ({ page }) => {
  const program = await createProgramWithSeedWorkflow();
  await page.goto(`/programs/${program.id}/workflows`);
  const list = page.getByRole("list", { name: "Conditions of Earn" });
  const names = () => list.getByLabel("Condition name").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

  await page.getByRole("button", { name: "Move User Group up" }).click();
  await expect.poll(names).toEqual(["User Group", "Individual"]);

  // Keyboard drag: focus the handle, Space to lift, arrow down, Space to drop.
  await page.getByRole("button", { name: "Reorder User Group" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect.poll(names).toEqual(["Individual", "User Group"]);

  // Pointer drag.
  const handle = await page.getByRole("button", { name: "Reorder User Group" }).boundingBox();
  const target = await condition(page, "Individual").boundingBox();
  if (!handle || !target) throw new Error("no layout");
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 10, { steps: 5 });
  await page.mouse.move(target.x + 20, target.y + 5, { steps: 10 });
  await page.mouse.up();
  await expect.poll(names).toEqual(["User Group", "Individual"]);

  await condition(page, "Individual").getByRole("button", { name: "Duplicate" }).click();
  await expect.poll(names).toEqual(["User Group", "Individual", "Individual (copy)"]);
  await condition(page, "Individual (copy)").getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Individual (copy)?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect.poll(names).toHaveLength(3);
  await condition(page, "Individual (copy)").getByRole("button", { name: "Delete" }).click();
  await confirm.getByRole("button", { name: "Delete condition" }).click();
  await expect.poll(names).toEqual(["User Group", "Individual"]);

  // Leaving with unsaved edits asks first; dismissing stays on the page.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("navigation", { name: "Program sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${program.id}/workflows$`));

  await page.getByRole("button", { name: "Save and Continue" }).click();
  await expect(page.getByText("Draft v2 saved")).toBeVisible();
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("row").filter({ hasText: "v2" })).toContainText("DRAFT");
  await page.getByRole("form", { name: "Compare versions" }).getByRole("button", { name: "Compare" }).click();
  const changes = page.getByRole("region", { name: "Changes from v1 to v2" });
  await expect(changes).toContainText("0 added, 0 removed, 2 changed");
  await expect(changes).toContainText("(position)");

  await page.getByRole("button", { name: "Restore v1" }).click();
  await page.getByRole("dialog", { name: "Restore version 1 as the draft?" }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Version 1 restored as the draft")).toBeVisible();
  await page.getByRole("tab", { name: "Rules" }).click();
  await expect.poll(names).toEqual(["Individual", "User Group"]);
});

test("a viewer reads the rules without edit controls and a replayed save is refused; member care has no access", async ({ page, asRole }) => {
  const program = await createProgramWithSeedWorkflow();
  const url = `/programs/${program.id}/workflows`;
  // As admin, capture a Save and Continue request without sending it.
  await page.goto(url);
  let captured: { headers: Record<string, string>; body: string } | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await condition(page, "Individual").getByLabel("Condition name").fill("Individual (admin edit)");
  await expect(async () => {
    await page.getByRole("button", { name: "Save and Continue" }).click();
    expect(captured?.headers["next-action"]).toMatch(/^\w+$/);
  }).toPass({ intervals: [500, 1000, 2000] });
  await page.unrouteAll({ behavior: "ignoreErrors" });

  await asRole("VIEWER");
  await page.goto(url);
  await expect(page.getByText("Read only: your role can view workflows but not change them.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Individual" })).toBeVisible();
  for (const name of ["Save and Continue", "Publish changes", "Add ruleset", "Add condition", "Add action", "Duplicate"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("textbox", { name: "Expression of Individual" })).toHaveAttribute("contenteditable", "false");

  const { headers, body } = captured ?? { headers: {}, body: "" };
  const replay = await page.request.post(url, {
    headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: body,
  });
  expect(await replay.text()).toContain("Your role does not allow this.");
  expect(await workflowStates(program.id)).toEqual([{ number: 1, state: "LIVE", note: "Seed 001" }]);

  await asRole("MEMBER_CARE");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await page.goto(`/programs/${program.id}`);
  await expect(page.getByRole("navigation", { name: "Program sections" }).getByRole("link", { name: "Workflows" })).toHaveCount(0);
});
