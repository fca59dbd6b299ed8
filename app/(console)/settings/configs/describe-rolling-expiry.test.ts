import { describe, expect, it } from "vitest";
import { describeRollingExpiry } from "./describe-rolling-expiry";

describe("describeRollingExpiry", () => {
  it("says Off when disabled or unreadable", () => {
    expect(describeRollingExpiry({ enabled: false, period: 12, unit: "MONTHS", events: ["TransactionAdd"] })).toBe("Off");
    expect(describeRollingExpiry("garbage")).toBe("Off");
  });

  it("summarises the period and the number of events", () => {
    expect(describeRollingExpiry({ enabled: true, period: 18, unit: "MONTHS", events: ["TransactionAdd", "PointsRedemption"] })).toBe("On: 18 months, 2 events");
    expect(describeRollingExpiry({ enabled: true, period: 1, unit: "DAYS", events: ["TransactionAdd"] })).toBe("On: 1 day, 1 event");
  });
});
