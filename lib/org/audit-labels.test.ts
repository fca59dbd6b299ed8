import { describe, expect, it } from "vitest";
import { auditActionLabel, auditEntityLabel, auditEntityName, auditFieldLabel, auditValueText, humanise } from "./audit-labels";

describe("audit log labels", () => {
  it("names actions in words, known ones exactly and unknown ones still readable", () => {
    expect(auditActionLabel("config.update")).toBe("Config changed");
    expect(auditActionLabel("apiClient.revoke")).toBe("API client revoked");
    expect(auditActionLabel("user.password_reset")).toBe("User password reset");
    expect(auditActionLabel("program.entities.add")).toBe("Program entities added");
    expect(auditActionLabel("cardSeries.create")).toBe("Card series created");
    expect(auditActionLabel("tier.manualAdjust")).toBe("Tier manual adjust");
  });

  it("names entities and fields for people, configs by their label", () => {
    expect(auditEntityLabel("ExtendedFieldDef")).toBe("Extended field");
    expect(auditEntityLabel("CARD_SERIES")).toBe("Card series");
    expect(auditEntityLabel("SomethingNew")).toBe("Something new");
    expect(auditEntityName("OrgConfig", "CONF_USER_GROUP_ENABLED")).toBe("User groups");
    expect(auditEntityName("Program", "12")).toBe("#12");
    expect(auditFieldLabel("mustChangePassword")).toBe("Must choose a new password");
    expect(auditFieldLabel("pointsAggregationRole")).toBe("Points aggregation role");
  });

  it("shows values without JSON punctuation", () => {
    expect(auditValueText(true)).toBe("Yes");
    expect(auditValueText(["A", "B"])).toBe("A, B");
    expect(auditValueText({ rollingPeriodDays: 30, events: ["TransactionAdd"] })).toBe("Rolling period days: 30; Events: TransactionAdd");
    expect(auditValueText(null)).toBe("—");
    expect(auditValueText(1500)).toBe("1,500");
  });

  it("humanises machine names", () => {
    expect(humanise("setMlpType")).toBe("Set mlp type");
    expect(humanise("ExtendedFieldDef")).toBe("Extended field def");
  });
});
