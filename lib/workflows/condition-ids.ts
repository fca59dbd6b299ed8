import { conditionsOf } from "./check-document";
import type { WorkflowDocument } from "./schema";

// Every saved condition has an id, stable across versions: diffs pair conditions by it, and the
// ledger records it as provenance (Movement.conditionId). A document PUT as code may leave ids
// out; a condition then keeps the id of the condition with the same activity, ruleset and name
// in the previous version, so re-sending the same file changes nothing.

export function assignConditionIds(document: WorkflowDocument, previous: WorkflowDocument | null, newId: () => string): WorkflowDocument {
  const known = new Map<string, string>();
  for (const l of previous ? conditionsOf(previous) : []) {
    if (l.condition.id) known.set(key(l.activity, l.rulesetName, l.condition.name), l.condition.id);
  }
  const used = new Set(conditionsOf(document).flatMap((l) => (l.condition.id ? [l.condition.id] : [])));
  return {
    activities: document.activities.map((a) => ({
      ...a,
      rulesets: a.rulesets.map((r) => ({
        ...r,
        conditions: r.conditions.map((c) => {
          if (c.id) return c;
          let id = known.get(key(a.activity, r.name, c.name));
          while (!id || used.has(id)) id = newId();
          used.add(id);
          return { ...c, id };
        }),
      })),
    })),
  };
}

/** A short random id for a new condition (the editor and the server both make them). */
export function randomConditionId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return "c" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 12);
}

function key(activity: string, ruleset: string, name: string): string {
  return JSON.stringify([activity, ruleset, name]);
}
