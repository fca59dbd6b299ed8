import { describe, expect, it } from "vitest";
import { rolledExpiry } from "./rolling-expiry";
import { singleRollingExpirySchema } from "./rolling-expiry-schema";

const messages = (input: unknown) => singleRollingExpirySchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("singleRollingExpirySchema", () => {
  it("requires a period and at least one event when on", () => {
    expect(messages({ enabled: true, period: "", unit: "DAYS", events: [] })).toEqual([
      ["period", "Enter the rolling period: it is required when Single Rolling Expiry is on."],
      ["events", "Choose at least one event that rolls points."],
    ]);
  });

  it("lets it be off with nothing filled in", () => {
    expect(singleRollingExpirySchema.parse({ enabled: false, period: "", unit: "MONTHS", events: [] })).toEqual({
      enabled: false, period: null, unit: "MONTHS", events: [],
    });
  });

  it("bounds the period by unit: 1..3650 days, 1..120 months, whole numbers", () => {
    expect(singleRollingExpirySchema.parse({ enabled: true, period: "3650", unit: "DAYS", events: ["TransactionAdd"] }).period).toBe(3650);
    expect(messages({ enabled: true, period: 3651, unit: "DAYS", events: ["TransactionAdd"] })).toEqual([["period", "Enter a period from 1 to 3650 days."]]);
    expect(messages({ enabled: true, period: 121, unit: "MONTHS", events: ["TransactionAdd"] })).toEqual([["period", "Enter a period from 1 to 120 months."]]);
    expect(messages({ enabled: true, period: 0, unit: "MONTHS", events: ["TransactionAdd"] })).toEqual([["period", "Enter a period from 1 to 120 months."]]);
    expect(messages({ enabled: true, period: "1.5", unit: "MONTHS", events: ["TransactionAdd"] })).toEqual([["period", "Enter the rolling period as a whole number."]]);
  });

  it("refuses unknown events and drops repeats", () => {
    expect(messages({ enabled: true, period: 12, unit: "MONTHS", events: ["Nope"] })?.[0]?.[1]).toBe("Unknown event.");
    expect(singleRollingExpirySchema.parse({ enabled: true, period: 12, unit: "MONTHS", events: ["TransactionAdd", "TransactionAdd"] }).events).toEqual(["TransactionAdd"]);
  });
});

describe("rolledExpiry", () => {
  it("adds days", () => {
    expect(rolledExpiry(new Date("2026-01-01T10:00:00Z"), 30, "DAYS").toISOString()).toBe("2026-01-31T10:00:00.000Z");
  });

  it("adds months, clamping to the month's last day", () => {
    expect(rolledExpiry(new Date("2026-01-31T00:00:00Z"), 1, "MONTHS").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(rolledExpiry(new Date("2027-12-15T08:30:00Z"), 12, "MONTHS").toISOString()).toBe("2028-12-15T08:30:00.000Z");
    expect(rolledExpiry(new Date("2028-01-31T00:00:00Z"), 1, "MONTHS").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("refuses a period that is not a positive whole number", () => {
    expect(() => rolledExpiry(new Date(), 0, "DAYS")).toThrow(RangeError);
  });
});
