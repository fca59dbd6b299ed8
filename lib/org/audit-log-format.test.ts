import { describe, expect, it } from "vitest";
import { formatUtc } from "./audit-log-format";

describe("formatUtc", () => {
  it("shows the instant in UTC, readable, with the zone named", () => {
    expect(formatUtc(new Date("2025-03-12T14:05:09.123+02:00"))).toBe("12 Mar 2025, 12:05:09 UTC");
  });
});
