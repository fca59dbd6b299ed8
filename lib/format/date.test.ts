import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, parseDisplayDate } from "./date";

describe("the console's date format", () => {
  const at = new Date("2025-03-02T14:05:09.000Z");

  it("writes dates and instants one way, in UTC", () => {
    expect(formatDate(at)).toBe("02 Mar 2025");
    expect(formatDateTime(at)).toBe("02 Mar 2025, 14:05 UTC");
    expect(formatDateTime(at, { seconds: true })).toBe("02 Mar 2025, 14:05:09 UTC");
    expect(formatDate("2025-12-31T23:59:59Z")).toBe("31 Dec 2025");
  });

  it("reads back what it writes, and yyyy-mm-dd", () => {
    expect(parseDisplayDate(formatDate(at))).toBe("2025-03-02");
    expect(parseDisplayDate("1 march 2025")).toBe("2025-03-01");
    expect(parseDisplayDate("2025-03-01")).toBe("2025-03-01");
  });

  it("refuses what is not a calendar day", () => {
    for (const text of ["31 Feb 2025", "2025-02-30", "03/01/2025", "12 Foo 2025", ""]) expect(parseDisplayDate(text)).toBeNull();
  });
});
