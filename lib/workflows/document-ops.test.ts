import { describe, expect, it } from "vitest";
import { addRuleset, duplicateCondition, moveCondition, removeCondition, rulesetsOf, setRulesets } from "./document-ops";
import { workflowDocumentSchema } from "./schema";
import { seedWorkflowDocument } from "./seed-workflow";

const seed = workflowDocumentSchema.parse(seedWorkflowDocument());
const ruleset = seed.activities[0]!.rulesets[0]!;

describe("document edits", () => {
  it("moves a condition and ignores moves out of range", () => {
    expect(moveCondition(ruleset, 1, 0).conditions.map((c) => c.name)).toEqual(["User Group", "Individual"]);
    expect(moveCondition(ruleset, 1, 2)).toBe(ruleset);
  });

  it("duplicates below the original with a new id, and deletes", () => {
    const withIds = { ...ruleset, conditions: ruleset.conditions.map((c, i) => ({ ...c, id: `id${i}` })) };
    const out = duplicateCondition(withIds, 0);
    expect(out.conditions.map((c) => c.name)).toEqual(["Individual", "Individual (copy)", "User Group"]);
    expect(out.conditions[1]?.id).not.toBe("id0");
    expect(out.conditions[1]?.whenTrue).toEqual(withIds.conditions[0]?.whenTrue);
    expect(removeCondition(out, 1).conditions.map((c) => c.name)).toEqual(["Individual", "User Group"]);
  });

  it("adds an activity's first ruleset and drops the activity when its last ruleset goes", () => {
    const empty = workflowDocumentSchema.parse({ activities: [] });
    const added = addRuleset(empty, "ReturnBill");
    expect(rulesetsOf(added, "ReturnBill").map((r) => r.name)).toEqual(["Earn"]);
    expect(rulesetsOf(addRuleset(added, "ReturnBill"), "ReturnBill").map((r) => r.name)).toEqual(["Earn", "Ruleset 2"]);
    expect(setRulesets(added, "ReturnBill", [])).toEqual({ activities: [] });
  });
});
