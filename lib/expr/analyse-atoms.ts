import type { Expr } from "./ast";
import type { CheckedExpression } from "./checker";
import { add, compare, decimalToString, divide, negate, parseDecimal, subtract, type Decimal } from "./decimal";
import { print } from "./printer";
import type { ValueType } from "./types";

// The fragment the analyser reasons about exactly: `&&`, `||`, `!` over atoms that each read ONE
// attribute and compare it with a constant (`f == "No"`, `f > 200`, `f.isNull()`, a boolean `f`).
// For such conditions every attribute's domain splits into finitely many regions (each constant,
// the gaps between constants, null) on which every atom is constant, so one value per region is
// enough to decide overlap and gap exhaustively.

export interface Variable {
  readonly profile: string;
  readonly attribute: string;
  readonly type: ValueType;
  readonly allowedValues?: readonly string[];
  readonly strings: Set<string>;
  readonly numbers: Decimal[];
}

export type Atoms = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const NULL_METHODS: ReadonlySet<string> = new Set(["isNull", "isNotNull", "exists", "notExists", "isEmpty"]);

/** Records the variables `node` reads into `vars`; fails with a reason outside the fragment. */
export function collectAtoms(node: Expr, checked: CheckedExpression, vars: Map<string, Variable>): Atoms {
  switch (node.kind) {
    case "Boolean":
      return { ok: true };
    case "Unary":
      return node.operator === "!" ? collectAtoms(node.operand, checked, vars) : unsupported(node, "negative numbers outside a comparison");
    case "Member":
      return variable(node, checked, vars) && checked.types.get(node) === "boolean" ? { ok: true } : unsupported(node, "this attribute");
    case "Call": {
      if (!node.object || !NULL_METHODS.has(node.method)) return unsupported(node, `the method ${node.method}()`);
      const v = variable(node.object, checked, vars);
      if (v && node.method === "isEmpty" && v.type === "string") v.strings.add("");
      return v ? { ok: true } : unsupported(node, "a method on something other than an attribute");
    }
    case "Binary": {
      if (node.operator === "&&" || node.operator === "||") {
        const left = collectAtoms(node.left, checked, vars);
        return left.ok ? collectAtoms(node.right, checked, vars) : left;
      }
      return comparison(node.operator, node.left, node.right, checked, vars) ?? unsupported(node, "this comparison (only an attribute against a constant is analysed)");
    }
    default:
      return unsupported(node, "this part");
  }
}

function comparison(op: string, left: Expr, right: Expr, checked: CheckedExpression, vars: Map<string, Variable>): Atoms | null {
  const isOrder = op === "<" || op === ">" || op === "<=" || op === ">=";
  if (!isOrder && op !== "==" && op !== "!=") return null;
  const [fieldNode, constNode] = constant(right) !== undefined ? [left, right] : [right, left];
  const value = constant(constNode);
  if (value === undefined || fieldNode.kind !== "Member") return null;
  const v = variable(fieldNode, checked, vars);
  if (!v || v.type === "date") return null;
  if (typeof value === "string") v.strings.add(value);
  else if (value !== null && typeof value !== "boolean") v.numbers.push(value);
  return { ok: true };
}

/** The constant an expression denotes, or undefined when it is not a literal. */
function constant(node: Expr): string | boolean | Decimal | null | undefined {
  switch (node.kind) {
    case "String":
      return node.value;
    case "Boolean":
      return node.value;
    case "Null":
      return null;
    case "Number":
      return parseDecimal(node.raw) ?? undefined;
    case "Unary": {
      if (node.operator !== "-" || node.operand.kind !== "Number") return undefined;
      const d = parseDecimal(node.operand.raw);
      return d === null ? undefined : negate(d);
    }
    default:
      return undefined;
  }
}

function variable(node: Expr, checked: CheckedExpression, vars: Map<string, Variable>): Variable | null {
  const r = checked.resolutions.get(node);
  if (r?.kind !== "attribute") return null;
  const key = `${r.profile}.${r.attribute.name}`;
  let v = vars.get(key);
  if (!v) {
    v = { profile: r.profile, attribute: r.attribute.name, type: r.attribute.type, strings: new Set(), numbers: [] };
    if (r.attribute.allowedValues) v = { ...v, allowedValues: r.attribute.allowedValues };
    vars.set(key, v);
  }
  return v;
}

/** One value per region of the variable's domain (null included). */
export function candidates(v: Variable): readonly unknown[] {
  switch (v.type) {
    case "boolean":
      return [true, false, null];
    case "date":
      return ["2024-01-01T00:00:00.000Z", null];
    case "string": {
      // Enum fields only ever hold an allowed value or nothing (the API validates them).
      if (v.allowedValues) return [...v.allowedValues, null];
      const known = [...v.strings];
      let fresh = "other";
      while (v.strings.has(fresh)) fresh += "_";
      return [...new Set([...known, "", fresh]), null];
    }
    case "number":
      return [...numberCandidates(v.numbers).map(asJson), null];
  }
}

function numberCandidates(constants: readonly Decimal[]): Decimal[] {
  const sorted = [...constants].sort(compare).filter((c, i, all) => i === 0 || compare(all[i - 1]!, c) !== 0);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [0];
  const out: Decimal[] = [subtract(first, 1)];
  sorted.forEach((c, i) => {
    out.push(c);
    const next = sorted[i + 1];
    if (next !== undefined) out.push(divide(add(c, next), 2) ?? c);
  });
  out.push(add(last, 1));
  return out;
}

/** Numbers go into witnesses as JS numbers when exact, else as decimal text (read back exactly). */
function asJson(d: Decimal): number | string {
  return typeof d === "number" ? d : decimalToString(d);
}

function unsupported(node: Expr, what: string): Atoms {
  return { ok: false, reason: `The analyser cannot reason about ${what}: ${print(node)}.` };
}
