import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "./checker";
import { compile, NotCompilableError } from "./compiler";
import { explain } from "./explain";
import type { EvalContext } from "./runtime";
import { conditionArb, contextArb, TEST_SCHEMA } from "./test-arbitraries";

const run = (source: string, ctx: EvalContext) => {
  const checked = check(source, TEST_SCHEMA);
  expect(checked.ok, JSON.stringify(checked.diagnostics)).toBe(true);
  return compile(checked).evaluate(ctx);
};

const txn = (fields: Record<string, unknown>) => ({ currentTxn: fields });

describe("evaluate: SPEC §5.3 examples", () => {
  const swiped = `currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()`;
  it.each([
    [swiped, txn({ extField_member_card_swiped: "No" }), true],
    [swiped, txn({}), true],
    [swiped, {}, true],
    [swiped, txn({ extField_member_card_swiped: "Yes" }), false],
    [`currentTxn.extField_member_card_swiped=="Yes"`, txn({ extField_member_card_swiped: "Yes" }), true],
    [`currentTxn.extField_member_card_swiped=="Yes"`, txn({}), false],
    [`currentCustomer.isGroupMember==Yes`, { currentCustomer: { isGroupMember: true } }, true],
    [`currentCustomer.isGroupMember==Yes`, { currentCustomer: { isGroupMember: "Yes" } }, true],
    [`currentCustomer.isGroupMember==true`, { currentCustomer: { isGroupMember: false } }, false],
    [`currentCustomer.isGroupMember==true`, { currentCustomer: {} }, false],
    [`currentCustomer.slabNumber==3`, { currentCustomer: { slabNumber: "3" } }, true],
    [`currentCustomer.slabName!="Normal"`, { currentCustomer: { slabName: "Gold" } }, true],
    [`currentCustomer.slabName!="Normal"`, { currentCustomer: {} }, true],
    [`currentTxn.value%100<10`, txn({ value: 109.99 }), true],
    [`currentTxn.value%100<10`, txn({ value: "110.1" }), false],
    [`currentTxn.value%100==10.1`, txn({ value: 110.1 }), true],
    [`currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)`, txn({ value: "120.50", discount: 10 }), true],
    [`currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)`, txn({ value: 10, discount: 10 }), false],
    [`currentTrackerCondition.trackerCurrAggr<12000`, { currentTrackerCondition: { trackerCurrAggr: 11999.99 } }, true],
    [`currentTxn.pointsForUserGroup > 200`, txn({ pointsForUserGroup: 200 }), false],
    [`currentTxn.currencyAwarded("miles") >= 100`, txn({ currencyAwarded: { miles: "100" } }), true],
    [`currentTxn.currencyAwarded("miles") >= 100`, txn({ currencyAwarded: { fuel: 500 } }), false],
    [`currentUserGroup.name.contains("Corp")`, { currentUserGroup: { name: "Acme Corp" } }, true],
    [`currentUserGroup.name.contains("Corp")`, { currentUserGroup: { name: "acme corp" } }, false],
    [`currentCustomer.joinDate.isWeekday()`, { currentCustomer: { joinDate: "2024-06-07" } }, true],
    [`currentCustomer.joinDate.isWeekday()`, { currentCustomer: { joinDate: new Date("2024-06-08T12:00:00Z") } }, false],
    [`currentEvent.isGroupProgramRedemption==true`, { currentEvent: { isGroupProgramRedemption: true } }, true],
  ])("%s on %j is %s", (source, ctx, expected) => {
    expect(run(source, ctx)).toBe(expected);
  });
});

describe("evaluate: operators and null", () => {
  it("computes exact decimals", () => {
    expect(run("0.1 + 0.2 == 0.3", {})).toBe(true);
    expect(run("currentTxn.value * 3 == 0.3", txn({ value: 0.1 }))).toBe(true);
    expect(run("currentTxn.value - 0.1 == 0.2", txn({ value: "0.3" }))).toBe(true);
    expect(run("7 / 2 == 3.5 && 10 % 4 == 2 && -3 < -2 && 2 * 3 + 1 == 7", {})).toBe(true);
    expect(run("1 / 3 * 3 == 0.9999999999", {})).toBe(true);
  });

  it("divides by zero to null, which compares false", () => {
    expect(run("currentTxn.value / 0 > 1", txn({ value: 5 }))).toBe(false);
    expect(run("currentTxn.value / 0 < 1", txn({ value: 5 }))).toBe(false);
    expect(run("currentTxn.value % 0 == null", txn({ value: 5 }))).toBe(true);
  });

  it("treats absent fields as null: only == / != null and the null methods see them", () => {
    const empty = txn({});
    expect(run("currentTxn.value < 10", empty)).toBe(false);
    expect(run("currentTxn.value >= 10", empty)).toBe(false);
    expect(run("currentTxn.value == null", empty)).toBe(true);
    expect(run("currentTxn.value != null", empty)).toBe(false);
    expect(run("currentTxn.value != 3", empty)).toBe(true);
    expect(run("currentTxn.value + 1 == null", empty)).toBe(true);
    expect(run("currentTxn.extField_store_type.isEmpty() && currentTxn.extField_store_type.notExists()", empty)).toBe(true);
    expect(run("currentTxn.extField_store_type.isEmpty()", txn({ extField_store_type: "" }))).toBe(true);
    expect(run("currentTxn.extField_store_type.exists()", txn({ extField_store_type: "" }))).toBe(true);
    expect(run("currentTxn.extField_store_type.isNotNull()", txn({ extField_store_type: "x" }))).toBe(true);
    expect(run("!currentCustomer.isGroupMember", {})).toBe(true);
    expect(run("currentCustomer.isGroupMember || currentCustomer.extField_vip", {})).toBe(false);
    expect(run("null == null", {})).toBe(true);
    expect(run(`currentUserGroup.name.contains("x")`, {})).toBe(false);
    expect(run(`!currentCustomer.joinDate.isWeekend()`, {})).toBe(true);
  });

  it("reads each attribute as its declared type; unreadable values are null", () => {
    expect(run("currentTxn.value > 1", txn({ value: "abc" }))).toBe(false);
    expect(run("currentTxn.value == null", txn({ value: "abc" }))).toBe(true);
    expect(run("currentTxn.value == null", txn({ value: Number.NaN }))).toBe(true);
    expect(run("currentTxn.value > 1", txn({ value: Infinity }))).toBe(false);
    expect(run(`currentTxn.extField_store_type == "12"`, txn({ extField_store_type: 12 }))).toBe(true);
    expect(run(`currentCustomer.isGroupMember`, { currentCustomer: { isGroupMember: "no" } })).toBe(false);
    expect(run(`currentCustomer.isGroupMember == null`, { currentCustomer: { isGroupMember: "maybe" } })).toBe(true);
    expect(run("currentTxn.value > 1", { currentTxn: "oops" })).toBe(false);
    expect(compile(check("true", TEST_SCHEMA)).evaluate(null as unknown as EvalContext)).toBe(true);
  });

  it("runs string, date and profile methods", () => {
    expect(run(`currentUserGroup.name.matches("[A-Z]{3}-\\d+")`, { currentUserGroup: { name: "ABC-42" } })).toBe(true);
    expect(run(`currentUserGroup.name.matches("[A-Z]{3}")`, { currentUserGroup: { name: "ABCD" } })).toBe(false);
    const join = { currentCustomer: { joinDate: "2024-03-15T22:30:00Z" }, now: "2024-03-20T08:00:00Z" };
    expect(run("currentCustomer.joinDate.day() == 5 && currentCustomer.joinDate.dayOfMonth() == 15", join)).toBe(true);
    expect(run("currentCustomer.joinDate.month() == 3 && currentCustomer.joinDate.year() == 2024", join)).toBe(true);
    expect(run("currentCustomer.joinDate.daysDiff() == 5", join)).toBe(true);
    expect(run(`currentCustomer.joinDate.dateDiff("2024-03-10") == -5`, join)).toBe(true);
    expect(run(`currentCustomer.joinDate.daysDiffFromString("2024-04-15") == 31`, join)).toBe(true);
    expect(run(`currentCustomer.joinDate.isAfter("2024-03-15") && !currentCustomer.joinDate.isAfter("2025-01-01")`, join)).toBe(true);
    expect(run(`currentCustomer.joinDate.isHourBetween(22, 6) && !currentCustomer.joinDate.isHourBetween(9, 17)`, join)).toBe(true);
    expect(run(`currentCustomer.joinDate.isTimeBetween("22:30", "23:00") && currentCustomer.joinDate.isValid()`, join)).toBe(true);
    expect(run(`currentCustomer.joinDate.isValid()`, { currentCustomer: { joinDate: "not a date" } })).toBe(false);
    const customer = { currentCustomer: { clusters: { region: ["North", "East"] }, customFields: { Gender: "F" } } };
    expect(run(`currentCustomer.clusterValueIncludes("region", "East")`, customer)).toBe(true);
    expect(run(`currentCustomer.clusterValueExcludes("region", "South")`, customer)).toBe(true);
    expect(run(`currentCustomer.customFieldValueIncludes("Gender", "F") && currentCustomer.customFieldValueExcludes("Gender", "M")`, customer)).toBe(true);
    expect(run(`currentCustomer.clusterValueIncludes("constructor", "x")`, customer)).toBe(false);
    expect(run(`currentTxn.currencyAwardedForUser("pts") == 5 && currentTxn.promisedCurrencyAwarded("pts") == null`, txn({ currencyAwardedForUser: { pts: 5 } }))).toBe(true);
  });

  it("refuses to compile an expression with errors", () => {
    expect(() => compile(check("currentTxn.valeu > 1", TEST_SCHEMA))).toThrow(NotCompilableError);
  });
});

describe("evaluate: properties", () => {
  it("any checked expression evaluates to a boolean on any event without throwing, and agrees with the traced evaluator", () => {
    fc.assert(
      fc.property(conditionArb, contextArb, (ast, ctx) => {
        const checked = check(ast, TEST_SCHEMA);
        expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const compiled = compile(checked);
        const result = compiled.evaluate(ctx);
        expect(typeof result).toBe("boolean");
        // explain() runs the generic closures only, so this pins the fast paths to the same meaning.
        expect(explain(compiled, ctx).result).toBe(result);
      }),
      { numRuns: 3000 },
    );
  });
});
