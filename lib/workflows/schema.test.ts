import { describe, expect, it } from "vitest";
import { assignConditionIds } from "./condition-ids";
import { workflowDocumentSchema } from "./schema";
import { seedWorkflowDocument } from "./seed-workflow";

function issues(input: unknown) {
  const result = workflowDocumentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
}

const allocation = { type: "TRANSACTION_POINT_ALLOCATION", userEntity: "INDIVIDUAL", allocation: { type: "FIXED", points: 10 }, rounding: "FLOOR", pointsKind: "REGULAR", expiry: { type: "NEVER" } };
const withAction = (action: unknown) => ({ activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Earn", conditions: [{ name: "A", expression: "true", whenTrue: [action] }] }] }] });
const actionPath = "activities.0.rulesets.0.conditions.0.whenTrue.0";

describe("workflow document schema", () => {
  it("accepts the issue's document verbatim and defaults missing lists", () => {
    expect(issues(seedWorkflowDocument())).toEqual([]);
    const parsed = workflowDocumentSchema.parse({ activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Earn", conditions: [{ name: "A", expression: "true" }] }] }] });
    expect(parsed.activities[0]?.rulesets[0]?.conditions[0]).toEqual({ name: "A", expression: "true", whenTrue: [], whenFalse: [] });
  });

  it("names the field of each bad action", () => {
    expect(issues(withAction({ ...allocation, userEntity: "FAMILY" }))).toEqual([[`${actionPath}.userEntity`, "Choose the user entity: INDIVIDUAL, USER_GROUP."]]);
    expect(issues(withAction({ ...allocation, allocation: { type: "PRORATED", percent: -1 } }))).toEqual([[`${actionPath}.allocation.percent`, "The percent must be more than 0."]]);
    expect(issues(withAction({ ...allocation, allocation: { type: "FIXED", points: 1.23456 } }))).toEqual([[`${actionPath}.allocation.points`, "The points may have at most 4 decimals."]]);
    expect(issues(withAction({ ...allocation, expiry: { type: "EVENT_DATE", value: 0, unit: "MONTHS" } }))).toEqual([[`${actionPath}.expiry.value`, "The validity period must be at least 1."]]);
    expect(issues(withAction({ ...allocation, expiry: { type: "ROLLING", value: 5000, unit: "MONTHS" } }))).toEqual([[`${actionPath}.expiry.value`, "The validity period must be at most 1200 months."]]);
    expect(issues(withAction({ type: "SEND_WEBHOOK", event: "" }))[0]?.[0]).toBe(`${actionPath}.event`);
    expect(issues(withAction({ type: "GIVE_CAKE" }))[0]?.[1]).toContain("Choose the action type");
    expect(issues(withAction({ ...allocation, rounding: undefined }))).toEqual([[`${actionPath}.rounding`, "Choose the points rounding: ACTUAL, FLOOR, CEIL, ROUND."]]);
  });

  it("refuses an unknown activity, duplicate activities, ruleset names and condition ids", () => {
    expect(issues({ activities: [{ activity: "Shopping", rulesets: [] }] })).toEqual([["activities.0.activity", expect.stringContaining("Choose the customer activity")]]);
    const twice = { activities: [{ activity: "TransactionAdd", rulesets: [] }, { activity: "TransactionAdd", rulesets: [] }] };
    expect(issues(twice)).toEqual([["activities.1.activity", "TransactionAdd is listed twice; put its rulesets under one entry."]]);
    const ids = { activities: [{ activity: "TransactionAdd", rulesets: [{ name: "R", conditions: [{ id: "x", name: "A", expression: "true" }, { id: "x", name: "B", expression: "true" }] }] }] };
    expect(issues(ids)).toEqual([["activities.0.rulesets.0.conditions.1.id", 'Condition id "x" is used twice.']]);
    expect(issues({ activities: [{ activity: "TransactionAdd", rulesets: [{ name: " ", conditions: [] }] }] })).toEqual([["activities.0.rulesets.0.name", "Enter the ruleset name."]]);
  });
});

describe("condition ids", () => {
  it("keeps the previous version's id for the same condition and makes new ones for the rest", () => {
    let n = 0;
    const next = () => `new${++n}`;
    const first = assignConditionIds(workflowDocumentSchema.parse(seedWorkflowDocument()), null, next);
    const ids = first.activities[0]?.rulesets[0]?.conditions.map((c) => c.id);
    expect(ids).toEqual(["new1", "new2"]);
    const again = assignConditionIds(workflowDocumentSchema.parse(seedWorkflowDocument()), first, next);
    expect(again).toEqual(first);
  });
});
