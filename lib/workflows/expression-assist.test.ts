import { describe, expect, it } from "vitest";
import { buildSchema } from "@/lib/expr";
import { describeAt, suggest } from "./expression-assist";

const schema = buildSchema({ extendedFields: [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }] });
const labels = (text: string) => suggest(schema, text)?.options.map((o) => o.label) ?? [];

describe("editor suggestions", () => {
  it("offers profiles at the start and after an operator", () => {
    expect(labels("")).toContain("currentTxn");
    expect(labels("currentTxn.value > 1 && cur")).toEqual(expect.arrayContaining(["currentCustomer", "currentTxn"]));
    expect(suggest(schema, "cur")?.from).toBe(0);
  });

  it("offers a profile's attributes, with the org's extended fields and their allowed values", () => {
    const out = suggest(schema, "currentTxn.extF")!;
    expect(out.from).toBe("currentTxn.".length);
    const field = out.options.find((o) => o.label === "extField_member_card_swiped");
    expect(field).toMatchObject({ kind: "attribute", detail: "extended field · text", info: 'One of "Yes", "No".' });
    expect(labels("currentTxn.")).toContain("currencyAwarded()");
  });

  it("offers the methods of the attribute's type, and the allowed values after ==", () => {
    expect(labels("currentTxn.extField_member_card_swiped.")).toEqual(expect.arrayContaining(["isNull()", "contains()"]));
    expect(labels("currentTxn.value.")).not.toContain("contains()");
    const values = suggest(schema, 'currentTxn.extField_member_card_swiped=="Y')!;
    expect(values.options.map((o) => o.apply)).toEqual(['"Yes"', '"No"']);
    expect(values.from).toBe('currentTxn.extField_member_card_swiped=='.length);
    expect(suggest(schema, 'currentTxn.extField_member_card_swiped == "Yes" && "abc')).toBeNull();
  });
});

describe("hover docs", () => {
  it("explains attributes, extended fields and methods", () => {
    const source = 'currentTxn.extField_member_card_swiped.isNull() || currentTxn.value > 1';
    expect(describeAt(schema, source, 15)?.text).toBe('currentTxn.extField_member_card_swiped: text, a declared extended field. Absent on an event means null. One of "Yes", "No".');
    expect(describeAt(schema, source, source.indexOf("isNull") + 2)?.text).toMatch(/^isNull\(\) → true\/false\. true when the attribute is absent/);
    expect(describeAt(schema, source, 2)?.text).toMatch(/^currentTxn: a profile/);
    expect(describeAt(schema, source, source.indexOf("||"))).toBeNull();
  });
});
