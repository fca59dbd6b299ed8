import type { BinaryExpr, Expr, MethodCall } from "./ast";
import type { CheckedExpression } from "./checker";
import { COERCE, type RuntimeValue } from "./coerce";
import { parseDecimal } from "./decimal";
import { specialise } from "./fast-paths";
import { arithmetic, isArithmetic, minus, nowOf, ordered, valueEquals, type EvalContext } from "./runtime";

// Turns a checked tree into nested closures, built once and reused for every event (no eval, no
// new Function: the console runs under a strict CSP and conditions are untrusted text).
// Evaluation cannot throw for a checked expression and always ends: the tree is finite, there are
// no loops, and `matches` runs only vetted patterns on capped input (regex-guard.ts).

export type Evaluator = (ctx: EvalContext) => RuntimeValue;

export interface CompiledExpression {
  readonly checked: CheckedExpression;
  /** true or false for the event; an absent (null) result counts as false. */
  evaluate(ctx: EvalContext): boolean;
}

/** Called after each node is evaluated; used by explain(). */
export type TraceHook = (node: Expr, value: RuntimeValue) => void;

export class NotCompilableError extends Error {
  constructor(readonly checked: CheckedExpression) {
    super(`The condition has errors and cannot be compiled: ${checked.diagnostics.map((d) => d.message).join(" ")}`);
  }
}

const EMPTY: EvalContext = Object.freeze({});

export function compile(checked: CheckedExpression): CompiledExpression {
  if (!checked.ok) throw new NotCompilableError(checked);
  const root = compileNode(checked.ast, checked, null);
  return {
    checked,
    evaluate(ctx: EvalContext): boolean {
      const input = typeof ctx === "object" && ctx !== null ? ctx : EMPTY;
      try {
        return root(input) === true;
      } catch {
        // Only a hostile context (a throwing getter or Proxy) gets here; the rule does not fire.
        return false;
      }
    },
  };
}

export function compileNode(node: Expr, checked: CheckedExpression, trace: TraceHook | null): Evaluator {
  const plain = (trace === null && specialise(node, checked)) || generic(node, checked, trace);
  if (trace === null) return plain;
  return (ctx) => {
    const value = plain(ctx);
    trace(node, value);
    return value;
  };
}

function generic(node: Expr, checked: CheckedExpression, trace: TraceHook | null): Evaluator {
  const sub = (n: Expr) => compileNode(n, checked, trace);
  switch (node.kind) {
    case "Number": {
      const value = parseDecimal(node.raw);
      return () => value;
    }
    case "String": {
      const value = node.value;
      return () => value;
    }
    case "Boolean": {
      const value = node.value;
      return () => value;
    }
    case "Null":
    case "Identifier":
    case "Error":
      return () => null;
    case "Member":
      return attributeReader(node, checked);
    case "Call":
      return call(node, checked, sub);
    case "Unary": {
      const operand = sub(node.operand);
      return node.operator === "!" ? (ctx) => operand(ctx) !== true : (ctx) => minus(operand(ctx));
    }
    case "Binary":
      return binary(node, sub);
  }
}

/** Reads profile.attribute as the attribute's declared type; absent or unreadable is null. */
export function attributeReader(node: Expr, checked: CheckedExpression): Evaluator {
  const r = checked.resolutions.get(node);
  if (r?.kind !== "attribute") return () => null;
  const profile = r.profile;
  const key = r.attribute.name;
  const coerce = COERCE[r.attribute.type];
  return (ctx) => {
    const holder = ctx[profile];
    if (typeof holder !== "object" || holder === null) return null;
    const v = (holder as Record<string, unknown>)[key];
    return v === undefined || v === null ? null : coerce(v);
  };
}

function call(node: MethodCall, checked: CheckedExpression, sub: (n: Expr) => Evaluator): Evaluator {
  const r = checked.resolutions.get(node);
  const args = node.args.map(sub);
  // One scratch array per call site: evaluation is synchronous and no method keeps its arguments.
  const values: RuntimeValue[] = args.map(() => null);
  const fill = (ctx: EvalContext) => {
    for (let i = 0; i < args.length; i++) values[i] = args[i]!(ctx);
    return values;
  };
  if (r?.kind === "function") {
    const { profile, fn } = r;
    return (ctx) => fn.run(ctx[profile], fill(ctx));
  }
  if (r?.kind !== "method" || node.object === null) return () => null;
  const method = r.method;
  const receiver = sub(node.object);
  const nullResult = method.returns === "boolean" ? false : null;
  const nullAware = method.receiver === "any";
  return (ctx) => {
    const value = receiver(ctx);
    if (value === null && !nullAware) return nullResult;
    return method.run(value, fill(ctx), () => nowOf(ctx));
  };
}

function binary(node: BinaryExpr, sub: (n: Expr) => Evaluator): Evaluator {
  const left = sub(node.left);
  const right = sub(node.right);
  const op = node.operator;
  switch (op) {
    case "&&":
      return (ctx) => left(ctx) === true && right(ctx) === true;
    case "||":
      return (ctx) => left(ctx) === true || right(ctx) === true;
    case "==":
      return (ctx) => valueEquals(left(ctx), right(ctx));
    case "!=":
      return (ctx) => !valueEquals(left(ctx), right(ctx));
    case "<":
    case ">":
    case "<=":
    case ">=":
      return (ctx) => ordered(op, left(ctx), right(ctx));
  }
  if (!isArithmetic(op)) return () => null;
  return (ctx) => arithmetic(op, left(ctx), right(ctx));
}
