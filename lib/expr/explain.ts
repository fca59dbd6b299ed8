import type { Expr, SourceRange } from "./ast";
import type { RuntimeValue } from "./coerce";
import { compileNode, type CompiledExpression, type Evaluator } from "./compiler";
import { decimalToString, isDecimal } from "./decimal";
import { print } from "./printer";
import type { EvalContext } from "./runtime";

// The rule simulator shows why a condition came out true or false: the value of every
// sub-expression that was evaluated, innermost first, in evaluation order. Parts skipped by
// `&&`/`||` short-circuiting do not appear (evaluated: false in `nodes`).

export interface ExplainStep {
  readonly range: SourceRange;
  /** Canonical text of the sub-expression (printer.ts). */
  readonly source: string;
  /** JSON-friendly value: decimals as text ("110.1"), dates as ISO text, null for absent. */
  readonly value: string | boolean | null;
}

export interface Explanation {
  readonly result: boolean;
  readonly steps: readonly ExplainStep[];
}

interface Traced {
  readonly run: Evaluator;
  readonly sink: { steps: ExplainStep[] };
}

const tracedCache = new WeakMap<CompiledExpression, Traced>();

export function explain(compiled: CompiledExpression, ctx: EvalContext): Explanation {
  const traced = tracedCache.get(compiled) ?? buildTraced(compiled);
  const steps: ExplainStep[] = [];
  traced.sink.steps = steps;
  let value: RuntimeValue = null;
  try {
    value = traced.run(typeof ctx === "object" && ctx !== null ? ctx : {});
  } catch {
    value = null;
  }
  return { result: value === true, steps };
}

function buildTraced(compiled: CompiledExpression): Traced {
  const { checked } = compiled;
  const sink: { steps: ExplainStep[] } = { steps: [] };
  const printed = new Map<Expr, string>();
  const run = compileNode(checked.ast, checked, (node, value) => {
    let source = printed.get(node);
    if (source === undefined) {
      source = print(node);
      printed.set(node, source);
    }
    sink.steps.push({ range: node.range, source, value: display(value, checked.types.get(node)) });
  });
  const traced = { run, sink };
  tracedCache.set(compiled, traced);
  return traced;
}

function display(value: RuntimeValue, type: string | undefined): string | boolean | null {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (type === "date" && typeof value === "number") {
    const date = new Date(value);
    return Number.isFinite(date.getTime()) ? date.toISOString() : null;
  }
  return isDecimal(value) ? decimalToString(value) : null;
}
