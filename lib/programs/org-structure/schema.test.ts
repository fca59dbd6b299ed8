import { describe, expect, it } from "vitest";
import { codeSchema, kindOfTab, nameSchema, orgUnitInputSchema, orgUnitUpdateSchema, organisationQuerySchema, prefixSchema, setUnitActiveSchema } from "./schema";
import { setMlpTypeSchema } from "./mlp";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("codeSchema", () => {
  it("trims and upper-cases", () => {
    expect(codeSchema.parse("  north-1_a ")).toBe("NORTH-1_A");
  });

  it.each([
    ["", "Enter a code, e.g. NORTH."],
    ["   ", "Enter a code, e.g. NORTH."],
    ["NORTH ZONE", "Use only letters, digits, hyphens (-) and underscores (_)."],
    ["NÖRTH", "Use only letters, digits, hyphens (-) and underscores (_)."],
    ["A/B", "Use only letters, digits, hyphens (-) and underscores (_)."],
    ["X".repeat(31), "Keep the code to 30 characters or fewer."],
  ])("refuses %j with a clear message", (value, message) => {
    expect(messageOf(codeSchema.safeParse(value))).toBe(message);
  });

  it("accepts exactly 30 characters", () => {
    expect(codeSchema.parse("x".repeat(30))).toBe("X".repeat(30));
  });
});

describe("nameSchema", () => {
  it("trims, requires and caps at 100", () => {
    expect(nameSchema.parse("  North  ")).toBe("North");
    expect(messageOf(nameSchema.safeParse("  "))).toBe("Enter a name.");
    expect(nameSchema.safeParse("n".repeat(100)).success).toBe(true);
    expect(messageOf(nameSchema.safeParse("n".repeat(101)))).toBe("Keep the name to 100 characters or fewer.");
  });
});

describe("prefixSchema", () => {
  it("is optional: empty becomes null", () => {
    expect(prefixSchema.parse("")).toBeNull();
    expect(prefixSchema.parse("  ")).toBeNull();
  });

  it("takes digits only, up to 12", () => {
    expect(prefixSchema.parse(" 4100 ")).toBe("4100");
    expect(messageOf(prefixSchema.safeParse("41A"))).toBe("Use digits only: card numbers are numeric.");
    expect(messageOf(prefixSchema.safeParse("1".repeat(13)))).toBe("Keep the prefix to 12 digits or fewer.");
  });
});

describe("orgUnitInputSchema", () => {
  it("parses each kind with its own fields", () => {
    expect(orgUnitInputSchema.parse({ kind: "zone", code: "north", name: "North" })).toEqual({ kind: "zone", code: "NORTH", name: "North" });
    expect(orgUnitInputSchema.parse({ kind: "cardSeries", code: "gold", name: "Gold", prefix: "" })).toEqual({ kind: "cardSeries", code: "GOLD", name: "Gold", prefix: null });
    expect(orgUnitInputSchema.parse({ kind: "store", code: "s1", name: "S", zoneId: "3", conceptId: 4 })).toEqual({ kind: "store", code: "S1", name: "S", zoneId: 3, conceptId: 4 });
    expect(orgUnitInputSchema.parse({ kind: "till", code: "t1", name: "T", storeId: "9" })).toMatchObject({ storeId: 9 });
  });

  it("asks for a missing choice by name, on its field", () => {
    const result = orgUnitInputSchema.safeParse({ kind: "store", code: "S1", name: "S", zoneId: "", conceptId: "" });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["zoneId", "Choose a zone."],
      ["conceptId", "Choose a concept."],
    ]);
    expect(messageOf(orgUnitInputSchema.safeParse({ kind: "till", code: "T", name: "T", storeId: "abc" }))).toBe("Choose a store.");
  });

  it("refuses an unknown kind", () => {
    expect(orgUnitInputSchema.safeParse({ kind: "region", code: "R", name: "R" }).success).toBe(false);
  });
});

describe("update, activation and MLP schemas", () => {
  it("need a positive id", () => {
    expect(orgUnitUpdateSchema.parse({ kind: "zone", id: "7", code: "n", name: "N" })).toEqual({ kind: "zone", id: 7, code: "N", name: "N" });
    expect(orgUnitUpdateSchema.safeParse({ kind: "zone", id: 0, code: "n", name: "N" }).success).toBe(false);
    expect(setUnitActiveSchema.safeParse({ kind: "till", id: 1, active: false }).success).toBe(true);
    expect(setUnitActiveSchema.safeParse({ kind: "till", id: 1, active: "no" }).success).toBe(false);
  });

  it("offers exactly zone, concept and card series", () => {
    expect(setMlpTypeSchema.parse({ mlpType: "CARD_SERIES" })).toEqual({ mlpType: "CARD_SERIES" });
    expect(messageOf(setMlpTypeSchema.safeParse({ mlpType: "STORE" }))).toBe("Choose zone, concept or card series.");
  });
});

describe("organisationQuerySchema", () => {
  it("reads the tab and page, falling back on nonsense", () => {
    expect(organisationQuerySchema.parse({ tab: "tills", page: "2" })).toEqual({ tab: "tills", page: 2 });
    expect(organisationQuerySchema.parse({ tab: "nope", page: "-1" })).toEqual({ tab: "zones", page: 1 });
    expect(organisationQuerySchema.parse({})).toEqual({ tab: "zones", page: 1 });
    expect(kindOfTab("card-series")).toBe("cardSeries");
    expect(kindOfTab("unknown")).toBe("zone");
  });
});
