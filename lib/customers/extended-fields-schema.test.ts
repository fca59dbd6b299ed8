import { describe, expect, it } from "vitest";
import { conditionReference, createExtendedFieldSchema, updateExtendedFieldSchema } from "./extended-fields-schema";

const base = { scope: "TRANSACTION", name: "channel", type: "ENUM", description: "", allowedValues: "" };
const firstMessage = (input: unknown) => createExtendedFieldSchema.safeParse(input).error?.issues[0]?.message;

describe("createExtendedFieldSchema", () => {
  it("takes allowed values one per line or comma-separated, trimmed, blanks dropped", () => {
    expect(createExtendedFieldSchema.parse({ ...base, allowedValues: " Web \n\nStore, App " }).allowedValues).toEqual(["Web", "Store", "App"]);
    expect(createExtendedFieldSchema.parse({ ...base, allowedValues: ["Yes", "No"] }).allowedValues).toEqual(["Yes", "No"]);
  });

  it("requires at least one value for a list field, and unique values", () => {
    expect(firstMessage(base)).toBe("Enter at least one allowed value for a list field.");
    expect(firstMessage({ ...base, allowedValues: "Yes\nNo\nYes" })).toBe("“Yes” is listed twice: each allowed value must be unique.");
  });

  it("drops allowed values for other types", () => {
    expect(createExtendedFieldSchema.parse({ ...base, type: "NUMBER", allowedValues: "1,2" }).allowedValues).toEqual([]);
  });

  it("accepts lowercase snake_case names up to 50 characters and explains the rule otherwise", () => {
    expect(createExtendedFieldSchema.parse({ ...base, name: "a".repeat(50), type: "STRING" }).name).toHaveLength(50);
    for (const name of ["Member", "1st_visit", "has-dash", "a".repeat(51), "_x"]) {
      expect(firstMessage({ ...base, name, type: "STRING" }), name).toMatch(/^Use lowercase letters, digits and _/);
    }
    expect(firstMessage({ ...base, name: "  ", type: "STRING" })).toBe("Enter a name, e.g. member_card_swiped.");
  });

  it("edits keep the same rules for values", () => {
    expect(updateExtendedFieldSchema.safeParse({ id: "3", description: "x", allowedValues: "A\nA" }).success).toBe(false);
  });
});

describe("conditionReference", () => {
  it("names the profile of each scope", () => {
    expect(conditionReference("TRANSACTION", "member_card_swiped")).toBe("currentTxn.extField_member_card_swiped");
    expect(conditionReference("CUSTOMER", "region")).toBe("currentCustomer.extField_region");
    expect(conditionReference("USERGROUP", "fleet_size")).toBe("currentUserGroup.extField_fleet_size");
  });
});
