import { describe, expect, it } from "vitest";
import { addPeriod, expiryFor } from "./expiry";

// The expiry date an allocation sets on its lot (SPEC §8): event date + N days, months or years,
// never, or the program's default.
const event = new Date("2027-01-31T10:30:00.000Z");

describe("expiry dates of awarded points", () => {
  it("EVENT_DATE: a fixed validity after the event, time of day kept", () => {
    expect(expiryFor({ type: "EVENT_DATE", value: 30, unit: "DAYS" }, event, undefined)).toEqual({ type: "EVENT_DATE", fromProgramDefault: false, expiresAt: "2027-03-02T10:30:00.000Z" });
  });

  it("months land on the month's last day when it is shorter (31 Jan + 1 month = 28 Feb), years on 28 Feb after a 29th", () => {
    expect(addPeriod(event, 1, "MONTHS").toISOString()).toBe("2027-02-28T10:30:00.000Z");
    expect(addPeriod(new Date("2028-02-29T00:00:00Z"), 1, "YEARS").toISOString()).toBe("2029-02-28T00:00:00.000Z");
    expect(addPeriod(event, 13, "MONTHS").toISOString()).toBe("2028-02-29T10:30:00.000Z");
  });

  it("ROLLING: the same first date, and the period a rolling event re-applies", () => {
    expect(expiryFor({ type: "ROLLING", value: 3, unit: "MONTHS" }, event, undefined)).toEqual({
      type: "ROLLING", fromProgramDefault: false, expiresAt: "2027-04-30T10:30:00.000Z", rollingPeriod: { value: 3, unit: "MONTHS" },
    });
  });

  it("NEVER, and PROGRAM_DEFAULT: the program's own rule, never when it has none", () => {
    expect(expiryFor({ type: "NEVER" }, event, undefined).expiresAt).toBeNull();
    expect(expiryFor({ type: "PROGRAM_DEFAULT" }, event, undefined)).toEqual({ type: "NEVER", fromProgramDefault: true, expiresAt: null });
    expect(expiryFor({ type: "PROGRAM_DEFAULT" }, event, { type: "EVENT_DATE", value: 1, unit: "YEARS" })).toEqual({ type: "EVENT_DATE", fromProgramDefault: true, expiresAt: "2028-01-31T10:30:00.000Z" });
  });
});
