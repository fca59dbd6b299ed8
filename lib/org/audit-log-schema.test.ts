import { describe, expect, it } from "vitest";
import { dateRangeOf, parseAuditQuery } from "./audit-log-schema";

describe("parseAuditQuery", () => {
  it("reads filters and the page from the query string", () => {
    expect(parseAuditQuery({ page: "2", action: "user.create", actor: "admin@demo.test", entityType: "User", from: "2025-01-01", to: "2025-01-31" })).toEqual({
      page: 2,
      filters: { action: "user.create", actor: "admin@demo.test", entityType: "User", from: "2025-01-01", to: "2025-01-31" },
      errors: {},
    });
  });

  it("drops empty and malformed values instead of failing, and says which date it could not read", () => {
    const { page, filters, errors } = parseAuditQuery({ page: "-3", action: "", from: "yesterday", to: "2025-02-30x" });
    expect(page).toBe(1);
    expect(filters).toEqual({ actor: undefined, action: undefined, entityType: undefined, from: undefined, to: undefined });
    expect(errors).toEqual({ from: "Enter a date like 12 Mar 2025.", to: "Enter a date like 12 Mar 2025." });
  });

  it("reads dates in the console's own format", () => {
    expect(parseAuditQuery({ from: "1 Mar 2025", to: "31 Mar 2025" })).toMatchObject({ filters: { from: "2025-03-01", to: "2025-03-31" }, errors: {} });
  });

  it("reports a range that ends before it starts", () => {
    const { filters, errors } = parseAuditQuery({ from: "2025-03-10", to: "2025-03-01" });
    expect(errors.to).toMatch(/before the start date/);
    expect(filters.to).toBeUndefined();
  });
});

describe("dateRangeOf", () => {
  it("covers whole UTC days, the end day included", () => {
    expect(dateRangeOf({ from: "2025-03-01", to: "2025-03-01" })).toEqual({
      gte: new Date("2025-03-01T00:00:00Z"),
      lt: new Date("2025-03-02T00:00:00Z"),
    });
    expect(dateRangeOf({})).toEqual({});
  });
});
