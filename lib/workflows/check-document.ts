import { check, lineColumnAt, type CheckedExpression, type Diagnostic, type Schema } from "@/lib/expr";
import type { WorkflowCondition, WorkflowDocument } from "./schema";

// Every condition of a document checked against the org's schema (built-in attributes plus the
// declared, active extended fields). Save refuses a document with any error here (issue 8);
// the API answers one 400 item per problem, the editor underlines the same ranges.

export interface ExpressionProblem {
  /** JSON path of the expression: activities.0.rulesets.0.conditions.1.expression */
  readonly path: string;
  readonly conditionName: string;
  readonly code: Diagnostic["code"];
  readonly message: string;
  readonly range: Diagnostic["range"];
  /** 1-based, as the editor shows it. */
  readonly line: number;
  readonly column: number;
}

export interface LocatedCondition {
  readonly activity: WorkflowDocument["activities"][number]["activity"];
  readonly activityIndex: number;
  readonly rulesetIndex: number;
  readonly conditionIndex: number;
  readonly rulesetName: string;
  readonly condition: WorkflowCondition;
  /** activities.i.rulesets.j.conditions.k */
  readonly path: string;
}

/** Every condition with where it sits, in document order. */
export function conditionsOf(document: WorkflowDocument): LocatedCondition[] {
  const out: LocatedCondition[] = [];
  document.activities.forEach((a, i) =>
    a.rulesets.forEach((r, j) =>
      r.conditions.forEach((condition, k) =>
        out.push({ activity: a.activity, activityIndex: i, rulesetIndex: j, conditionIndex: k, rulesetName: r.name, condition, path: `activities.${i}.rulesets.${j}.conditions.${k}` }),
      ),
    ),
  );
  return out;
}

export function problemsOf(located: LocatedCondition, checked: CheckedExpression): ExpressionProblem[] {
  return checked.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const { line, column } = lineColumnAt(checked.source, d.range.start);
      return { path: `${located.path}.expression`, conditionName: located.condition.name, code: d.code, message: d.message, range: d.range, line, column };
    });
}

export function checkDocument(document: WorkflowDocument, schema: Schema): ExpressionProblem[] {
  return conditionsOf(document).flatMap((located) => problemsOf(located, check(located.condition.expression, schema)));
}
