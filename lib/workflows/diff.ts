import { diffWordsWithSpace } from "diff";
import { isDeepEqual } from "./deep-equal";
import type { ActivityCode, Ruleset, WorkflowCondition, WorkflowDocument } from "./schema";

// What changed between two versions (History → Compare): per activity and ruleset, the conditions
// added, removed and changed, with the expression's text diff. Conditions are paired by id (kept
// stable across versions, condition-ids.ts), else by name. Pure: the history screen renders it.

export type TextPart = { readonly text: string; readonly change: "same" | "added" | "removed" };

export type ConditionChange =
  | { readonly status: "added" | "removed"; readonly condition: WorkflowCondition }
  | {
      readonly status: "changed";
      readonly before: WorkflowCondition;
      readonly after: WorkflowCondition;
      /** What differs: name, expression, whenTrue, whenFalse, position. */
      readonly fields: readonly ("name" | "expression" | "whenTrue" | "whenFalse" | "position")[];
      readonly expression: readonly TextPart[] | null;
    };

export type RulesetChange = {
  readonly activity: ActivityCode;
  readonly ruleset: string;
  readonly status: "added" | "removed" | "changed";
  /** Scope or points cap changed. */
  readonly settingsChanged: boolean;
  readonly conditions: readonly ConditionChange[];
};

export type WorkflowDiff = {
  readonly changes: readonly RulesetChange[];
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number };
};

export function diffDocuments(before: WorkflowDocument, after: WorkflowDocument): WorkflowDiff {
  const changes: RulesetChange[] = [];
  for (const key of unionKeys(rulesetsOf(before), rulesetsOf(after))) {
    const a = rulesetsOf(before).get(key);
    const b = rulesetsOf(after).get(key);
    const [activity, ruleset] = JSON.parse(key) as [ActivityCode, string];
    if (!a && b) changes.push({ activity, ruleset, status: "added", settingsChanged: false, conditions: b.conditions.map((c) => ({ status: "added", condition: c })) });
    else if (a && !b) changes.push({ activity, ruleset, status: "removed", settingsChanged: false, conditions: a.conditions.map((c) => ({ status: "removed", condition: c })) });
    else if (a && b) {
      const conditions = diffConditions(a.conditions, b.conditions);
      const settingsChanged = !isDeepEqual(a.scope, b.scope) || !isDeepEqual(a.pointsCap, b.pointsCap);
      if (conditions.length > 0 || settingsChanged) changes.push({ activity, ruleset, status: "changed", settingsChanged, conditions });
    }
  }
  const all = changes.flatMap((c) => c.conditions);
  return {
    changes,
    counts: {
      added: all.filter((c) => c.status === "added").length,
      removed: all.filter((c) => c.status === "removed").length,
      changed: all.filter((c) => c.status === "changed").length,
    },
  };
}

export function diffText(before: string, after: string): TextPart[] {
  return diffWordsWithSpace(before, after).map((p) => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" }));
}

function diffConditions(before: readonly WorkflowCondition[], after: readonly WorkflowCondition[]): ConditionChange[] {
  const out: ConditionChange[] = [];
  const matched = new Set<WorkflowCondition>();
  const find = (c: WorkflowCondition) => after.find((x) => !matched.has(x) && (c.id !== undefined && x.id !== undefined ? x.id === c.id : x.name === c.name));
  before.forEach((a, i) => {
    const b = find(a);
    if (!b) {
      out.push({ status: "removed", condition: a });
      return;
    }
    matched.add(b);
    const fields: ("name" | "expression" | "whenTrue" | "whenFalse" | "position")[] = [];
    if (a.name !== b.name) fields.push("name");
    if (a.expression !== b.expression) fields.push("expression");
    if (!isDeepEqual(a.whenTrue, b.whenTrue)) fields.push("whenTrue");
    if (!isDeepEqual(a.whenFalse, b.whenFalse)) fields.push("whenFalse");
    if (after.indexOf(b) !== i) fields.push("position");
    if (fields.length > 0) out.push({ status: "changed", before: a, after: b, fields, expression: a.expression === b.expression ? null : diffText(a.expression, b.expression) });
  });
  for (const b of after) if (!matched.has(b)) out.push({ status: "added", condition: b });
  return out;
}

function rulesetsOf(document: WorkflowDocument): Map<string, Ruleset> {
  const map = new Map<string, Ruleset>();
  for (const a of document.activities) for (const r of a.rulesets) map.set(JSON.stringify([a.activity, r.name]), r);
  return map;
}

function unionKeys<K>(a: Map<K, unknown>, b: Map<K, unknown>): K[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}
