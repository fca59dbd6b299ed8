import { randomConditionId } from "./condition-ids";
import type { ActivityCode, Ruleset, WorkflowCondition, WorkflowDocument } from "./schema";

// Immutable edits the editor makes to a document: add, duplicate, delete and move conditions and
// rulesets of one activity. Pure, so the reordering rules are tested without a browser.

export type RulesetUpdate = (ruleset: Ruleset) => Ruleset;

export function rulesetsOf(document: WorkflowDocument, activity: ActivityCode): readonly Ruleset[] {
  return document.activities.find((a) => a.activity === activity)?.rulesets ?? [];
}

export function setRulesets(document: WorkflowDocument, activity: ActivityCode, rulesets: Ruleset[]): WorkflowDocument {
  const rest = document.activities.filter((a) => a.activity !== activity);
  if (rulesets.length === 0) return { activities: rest };
  const existing = document.activities.findIndex((a) => a.activity === activity);
  const entry = { activity, rulesets };
  if (existing === -1) return { activities: [...document.activities, entry] };
  return { activities: document.activities.map((a, i) => (i === existing ? entry : a)) };
}

export function updateRuleset(document: WorkflowDocument, activity: ActivityCode, index: number, update: RulesetUpdate): WorkflowDocument {
  return setRulesets(document, activity, rulesetsOf(document, activity).map((r, i) => (i === index ? update(r) : r)));
}

export function addRuleset(document: WorkflowDocument, activity: ActivityCode): WorkflowDocument {
  const rulesets = rulesetsOf(document, activity);
  const names = new Set(rulesets.map((r) => r.name));
  let n = rulesets.length + 1;
  while (names.has(n === 1 ? "Earn" : `Ruleset ${n}`)) n++;
  return setRulesets(document, activity, [...rulesets, { name: n === 1 ? "Earn" : `Ruleset ${n}`, conditions: [] }]);
}

export function removeRuleset(document: WorkflowDocument, activity: ActivityCode, index: number): WorkflowDocument {
  return setRulesets(document, activity, rulesetsOf(document, activity).filter((_, i) => i !== index));
}

export function newCondition(name: string): WorkflowCondition {
  return { id: randomConditionId(), name, expression: "true", whenTrue: [], whenFalse: [] };
}

export function addCondition(ruleset: Ruleset, condition: WorkflowCondition): Ruleset {
  return { ...ruleset, conditions: [...ruleset.conditions, condition] };
}

/** A copy right below the original, with a new id and "(copy)" in its name. */
export function duplicateCondition(ruleset: Ruleset, index: number): Ruleset {
  const original = ruleset.conditions[index];
  if (!original) return ruleset;
  const copy = { ...structuredClone(original), id: randomConditionId(), name: `${original.name} (copy)`.slice(0, 100) };
  return { ...ruleset, conditions: [...ruleset.conditions.slice(0, index + 1), copy, ...ruleset.conditions.slice(index + 1)] };
}

export function removeCondition(ruleset: Ruleset, index: number): Ruleset {
  return { ...ruleset, conditions: ruleset.conditions.filter((_, i) => i !== index) };
}

export function replaceCondition(ruleset: Ruleset, index: number, condition: WorkflowCondition): Ruleset {
  return { ...ruleset, conditions: ruleset.conditions.map((c, i) => (i === index ? condition : c)) };
}

/** Moves a condition from one place to another (drag, or the up/down keys); out of range is a no-op. */
export function moveCondition(ruleset: Ruleset, from: number, to: number): Ruleset {
  if (from === to || from < 0 || to < 0 || from >= ruleset.conditions.length || to >= ruleset.conditions.length) return ruleset;
  const list = [...ruleset.conditions];
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved!);
  return { ...ruleset, conditions: list };
}
