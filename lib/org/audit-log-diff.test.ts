import { describe, expect, it } from "vitest";
import { diffAuditValues } from "./audit-log-diff";

describe("diffAuditValues", () => {
  it("marks each key as changed, added, removed or the same", () => {
    const diff = diffAuditValues({ email: "a@x.test", role: "VIEWER", gone: 1 }, { email: "a@x.test", role: "ADMIN", extra: [1] });
    expect(diff).toEqual([
      { key: "email", before: "a@x.test", after: "a@x.test", kind: "same" },
      { key: "role", before: "VIEWER", after: "ADMIN", kind: "changed" },
      { key: "gone", before: 1, after: undefined, kind: "removed" },
      { key: "extra", before: undefined, after: [1], kind: "added" },
    ]);
  });

  it("treats a create (no before) as all keys added, and a scalar as one value", () => {
    expect(diffAuditValues(null, { name: "POS" })).toEqual([{ key: "name", before: undefined, after: "POS", kind: "added" }]);
    expect(diffAuditValues(true, false)).toEqual([{ key: "value", before: true, after: false, kind: "changed" }]);
  });

  it("compares nested values by content", () => {
    expect(diffAuditValues({ s: ["a", "b"] }, { s: ["a", "b"] })[0]?.kind).toBe("same");
  });
});
