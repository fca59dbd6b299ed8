import { describe, expect, it } from "vitest";
import { check } from "./checker";
import { compile } from "./compiler";
import { explain } from "./explain";
import { TEST_SCHEMA } from "./test-arbitraries";

describe("explain", () => {
  it("lists the value of every evaluated sub-expression with its range and text", () => {
    const source = `currentTxn.value%100<10 || currentTxn.extField_member_card_swiped.isNull()`;
    const compiled = compile(check(source, TEST_SCHEMA));
    const result = explain(compiled, { currentTxn: { value: "110.1" } });
    expect(result.result).toBe(true);
    expect(result.steps.map((s) => [s.source, s.value])).toEqual([
      ["currentTxn.value", "110.1"],
      ["100", "100"],
      ["currentTxn.value % 100", "10.1"],
      ["10", "10"],
      ["currentTxn.value % 100 < 10", false],
      ["currentTxn.extField_member_card_swiped", null],
      ["currentTxn.extField_member_card_swiped.isNull()", true],
      [`currentTxn.value % 100 < 10 || currentTxn.extField_member_card_swiped.isNull()`, true],
    ]);
    expect(result.steps[0]?.range).toEqual({ start: 0, end: 16 });
    expect(result.steps.at(-1)?.range).toEqual({ start: 0, end: source.length });
  });

  it("leaves out what short-circuiting skipped, and shows dates as ISO text", () => {
    const compiled = compile(check(`currentCustomer.joinDate.isWeekend() && currentTxn.value > 1`, TEST_SCHEMA));
    const result = explain(compiled, { currentCustomer: { joinDate: 1717804800000 } });
    expect(result.result).toBe(false);
    expect(result.steps.map((s) => s.value)).toEqual(["2024-06-08T00:00:00.000Z", true, null, "1", false, false]);
    const again = explain(compiled, { currentCustomer: { joinDate: "2024-06-07" } });
    expect(again.steps.map((s) => s.source)).toEqual(["currentCustomer.joinDate", "currentCustomer.joinDate.isWeekend()", "currentCustomer.joinDate.isWeekend() && currentTxn.value > 1"]);
  });
});
