import { describe, expect, it } from "vitest";
import { check } from "./checker";
import { buildSchema, BASE_SCHEMA } from "./schema";
import { TEST_SCHEMA } from "./test-arbitraries";

const diags = (source: string) => check(source, TEST_SCHEMA).diagnostics;
const only = (source: string) => {
  const d = diags(source);
  expect(d, source).toHaveLength(1);
  return d[0]!;
};

describe("check", () => {
  it("accepts every SPEC §5.3 example as a boolean condition", () => {
    for (const source of [
      `currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()`,
      `currentCustomer.isGroupMember==Yes`,
      `currentCustomer.slabNumber==3 && currentCustomer.slabName!="Normal"`,
      `currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)`,
      `currentTrackerCondition.trackerCurrAggr<12000 && currentTxn.pointsForUserGroup > 200`,
      `currentTxn.currencyAwarded("miles") >= 100 && currentUserGroup.name.contains("Corp")`,
      `currentCustomer.joinDate.isWeekday() && currentEvent.isGroupProgramRedemption==true`,
      `currentCustomer.clusterValueIncludes("c","v") || currentCustomer.customFieldValueExcludes("Gender","F")`,
      `currentCustomer.joinDate.isHourBetween(9, 17) && currentCustomer.joinDate.isTimeBetween("09:00","17:30")`,
      `currentCustomer.joinDate.daysDiff() > 30 && currentCustomer.joinDate.year() == 2024 && currentCustomer.joinDate.isAfter("2024-01-01")`,
      `currentCustomer.joinDate.dateDiff("2025-01-01") < 0 || currentCustomer.joinDate.daysDiffFromString("2025-01-01") >= 1`,
      `currentUserGroup.extField_tier_code == "GOLD" && currentCustomer.extField_vip`,
      `true`,
    ]) {
      const result = check(source, TEST_SCHEMA);
      expect(result.diagnostics, source).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.type).toBe("boolean");
    }
  });

  it("UNKNOWN_ATTRIBUTE with a did-you-mean by edit distance", () => {
    const d = only("currentTxn.valeu > 3");
    expect(d).toMatchObject({ code: "UNKNOWN_ATTRIBUTE", severity: "error", range: { start: 11, end: 16 } });
    expect(d.message).toContain('Did you mean "value"');
    expect(only("currentTx.value > 3").message).toContain('"currentTxn"');
    expect(only(`currentTxn.extField_member_card_swipe == "No"`).message).toContain("extField_member_card_swiped");
    expect(only(`currentTxn.extField_unknown_thing == "No"`).message).toContain("declared");
    expect(only("currentTxn.value.cents > 3").code).toBe("UNKNOWN_ATTRIBUTE");
  });

  it("extended fields exist only once declared, under their scope's profile", () => {
    const source = `currentCustomer.extField_vip`;
    expect(check(source, BASE_SCHEMA).diagnostics[0]?.code).toBe("UNKNOWN_ATTRIBUTE");
    expect(check(source, TEST_SCHEMA).ok).toBe(true);
    expect(check(`currentTxn.extField_vip`, TEST_SCHEMA).ok).toBe(false);
    expect(() => buildSchema({ extendedFields: [{ name: "bad name", scope: "CUSTOMER", type: "string" }] })).toThrow(TypeError);
  });

  it("UNKNOWN_METHOD, naming where a method does work", () => {
    expect(only("currentTxn.value.contains(\"1\")")).toMatchObject({ code: "UNKNOWN_METHOD" });
    expect(only("currentTxn.value.contains(\"1\")").message).toContain("text");
    expect(only("currentTxn.extField_store_type.isNul()").message).toContain('"isNull"');
    expect(only("currentTxn.value()").message).toContain("remove the parentheses");
    expect(only("isNull(1)").code).toBe("UNKNOWN_METHOD");
    expect(only("currentTxn.currencyAwarde(\"x\") > 1").message).toContain("currencyAwarded");
  });

  it("WRONG_ARGUMENT_COUNT and WRONG_ARGUMENT_TYPE", () => {
    expect(only(`currentTxn.extField_store_type.isNull(1)`).code).toBe("WRONG_ARGUMENT_COUNT");
    expect(only(`currentCustomer.clusterValueIncludes("c")`).code).toBe("WRONG_ARGUMENT_COUNT");
    expect(only(`currentTxn.currencyAwarded > 1`).code).toBe("WRONG_ARGUMENT_COUNT");
    const t = only(`currentUserGroup.name.contains(5)`);
    expect(t).toMatchObject({ code: "WRONG_ARGUMENT_TYPE", range: { start: 31, end: 32 } });
    expect(only(`currentUserGroup.name.matches(currentTxn.extField_store_type)`).code).toBe("WRONG_ARGUMENT_TYPE");
  });

  it("TYPE_MISMATCH with a hint for the usual mistakes", () => {
    expect(only(`currentTxn.value == "100"`).code).toBe("TYPE_MISMATCH");
    expect(only(`currentCustomer.isGroupMember == "Yes"`).message).toContain("without quotes");
    expect(only(`currentTxn.extField_member_card_swiped == Yes`).message).toContain('"Yes"');
    expect(only(`currentCustomer.slabName < "B"`).code).toBe("TYPE_MISMATCH");
    expect(only(`currentTxn.value && true`).message).toContain("> 0");
    expect(only(`currentTxn.extField_store_type + 1 > 2`).code).toBe("TYPE_MISMATCH");
    expect(only(`!currentTxn.value`).code).toBe("TYPE_MISMATCH");
    expect(only(`currentTxn == 1`).code).toBe("TYPE_MISMATCH");
    expect(only(`currentCustomer.joinDate == "2024-01-01"`).message).toContain("isAfter");
  });

  it("VALUE_NOT_ALLOWED warns about a literal outside an enum's allowed values", () => {
    const result = check(`currentTxn.extField_member_card_swiped=="Maybe"`, TEST_SCHEMA);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "VALUE_NOT_ALLOWED", severity: "warning", range: { start: 40, end: 47 } }),
    ]);
    expect(check(`"yes" != currentTxn.extField_member_card_swiped`, TEST_SCHEMA).diagnostics[0]?.message).toContain('"Yes"');
  });

  it("NOT_BOOLEAN when the whole condition is not true/false", () => {
    expect(only("currentTxn.value + 1")).toMatchObject({ code: "NOT_BOOLEAN", range: { start: 0, end: 20 } });
    expect(only(`"Yes"`).code).toBe("NOT_BOOLEAN");
    expect(only(`currentTxn`).code).toBe("NOT_BOOLEAN");
  });

  it("INVALID_REGEX for broken or catastrophic patterns", () => {
    expect(only(`currentUserGroup.name.matches("(a")`).code).toBe("INVALID_REGEX");
    expect(only(`currentUserGroup.name.matches("(a+)+$")`).code).toBe("INVALID_REGEX");
    expect(check(`currentUserGroup.name.matches("[A-Z]{3}-\\d+")`, TEST_SCHEMA).ok).toBe(true);
  });

  it("reports independent errors together without cascading", () => {
    const codes = diags(`currentTxn.valeu > 3 && currentTxn.value == "x" || currentCustomer.nam.contains("a")`).map((d) => d.code);
    expect(codes).toEqual(["UNKNOWN_ATTRIBUTE", "TYPE_MISMATCH", "UNKNOWN_ATTRIBUTE"]);
  });

  it("reports Error nodes of hand-built trees", () => {
    const result = check({ kind: "Error", range: { start: 0, end: 1 } }, TEST_SCHEMA);
    expect(result.ok).toBe(false);
  });
});
