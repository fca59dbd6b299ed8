import { analyse, type AnalysisReport, type Schema, type Witness } from "@/lib/expr";
import type { ActivityCode, WorkflowDocument } from "./schema";

// Mutual exclusivity of an activity's allocation conditions (issue 8, seed 001): which two can
// both fire for one event (with the witness event), and which events no condition covers. Only
// conditions that allocate points when true take part: those are the ones that double-credit.

export type WitnessLine = { readonly path: string; readonly value: string };

export type ActivityAnalysis = {
  readonly conditions: readonly { id: string; name: string }[];
  readonly report: AnalysisReport | null;
  readonly names: ReadonlyMap<string, string>;
};

export function analyseActivity(document: WorkflowDocument, activity: ActivityCode, schema: Schema): ActivityAnalysis {
  const conditions = (document.activities.find((a) => a.activity === activity)?.rulesets ?? []).flatMap((r, j) =>
    r.conditions
      .map((c, k) => ({ id: c.id ?? `r${j}c${k}`, name: c.name, expression: c.expression, allocates: c.whenTrue.some((a) => a.type === "TRANSACTION_POINT_ALLOCATION") }))
      .filter((c) => c.allocates),
  );
  const names = new Map(conditions.map((c) => [c.id, c.name]));
  if (conditions.length === 0) return { conditions: [], report: null, names };
  return { conditions: conditions.map(({ id, name }) => ({ id, name })), report: analyse(conditions, schema), names };
}

const PATH = /\b(currentTxn|currentCustomer|currentUserGroup|currentEvent|currentTrackerCondition)\.([A-Za-z_]\w*)\b(?!\s*\()/g;

/** The witness event as lines a person reads: every attribute the conditions use, null when absent. */
export function describeWitness(witness: Witness, expressions: readonly string[]): WitnessLine[] {
  const paths = new Set<string>();
  for (const e of expressions) for (const m of e.matchAll(PATH)) paths.add(`${m[1]}.${m[2]}`);
  return [...paths].sort().map((path) => {
    const [profile, attribute] = path.split(".") as [string, string];
    const value = witness[profile]?.[attribute];
    return { path, value: value === undefined ? "null (absent)" : JSON.stringify(value) };
  });
}
