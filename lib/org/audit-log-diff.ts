// Client-safe: what an audit entry changed, key by key, for the expandable before/after view.

export type ChangedKey = { key: string; before: unknown; after: unknown; kind: "added" | "removed" | "changed" | "same" };

/**
 * Compares the top-level keys of an entry's before and after. Nested values are compared as JSON
 * text: entries hold small config snapshots, and a key-level view is what a reviewer reads.
 */
export function diffAuditValues(before: unknown, after: unknown): ChangedKey[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => {
    const inBefore = key in b;
    const inAfter = key in a;
    const kind = !inBefore ? "added" : !inAfter ? "removed" : JSON.stringify(b[key]) === JSON.stringify(a[key]) ? "same" : "changed";
    return { key, before: b[key], after: a[key], kind };
  });
}

// A scalar or array before/after (not an object) is shown under the key "value".
function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}
