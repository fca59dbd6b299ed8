import type { BinaryExpr, Expr, Literal } from "./ast";
import type { CheckedExpression } from "./checker";
import { toBoolean, toDateMs, toDecimal, toText } from "./coerce";
import { equals, parseDecimal } from "./decimal";
import type { Evaluator } from "./compiler";
import { ordered } from "./runtime";

// Specialised closures for the shapes real conditions are made of (SPEC §5.3 examples):
// `path == literal`, `path < number`, `path.isNull()`. They read the profile field directly and
// compare without going through generic value dispatch, which is what makes evaluation fast
// (bench/expr.bench.ts). They must mean exactly what the generic closures mean (runtime.ts);
// compiler.test.ts compares both on random events.

type Holder = Record<string, unknown>;

interface FieldRef {
  readonly profile: string;
  readonly key: string;
  readonly type: "string" | "number" | "boolean" | "date";
}

export function specialise(node: Expr, checked: CheckedExpression): Evaluator | null {
  if (node.kind === "Binary") return comparison(node, checked);
  if (node.kind === "Call" && node.object && node.args.length === 0) {
    const field = fieldOf(node.object, checked);
    const r = checked.resolutions.get(node);
    if (!field || r?.kind !== "method") return null;
    const read = reader(field);
    switch (r.method.name) {
      case "isNull":
      case "notExists":
        return (ctx) => read(ctx) === null;
      case "isNotNull":
      case "exists":
        return (ctx) => read(ctx) !== null;
    }
    return null;
  }
  const field = fieldOf(node, checked);
  return field ? reader(field) : null;
}

function comparison(node: BinaryExpr, checked: CheckedExpression): Evaluator | null {
  const op = node.operator;
  let field = fieldOf(node.left, checked);
  let literal: Expr = node.right;
  let flipped = false;
  if (!field) {
    field = fieldOf(node.right, checked);
    literal = node.left;
    flipped = true;
  }
  if (!field || !isLiteral(literal)) return null;
  if (op === "==" || op === "!=") {
    const eq = equality(field, literal);
    if (!eq) return null;
    return op === "==" ? eq : (ctx) => !eq(ctx);
  }
  if (op === "<" || op === ">" || op === "<=" || op === ">=") {
    if (field.type !== "number" || literal.kind !== "Number") return null;
    const actual = flipped ? mirror(op) : op;
    const lit = parseDecimal(literal.raw);
    return typeof lit === "number" ? numberOrder(field, actual, lit) : null;
  }
  return null;
}

function equality(field: FieldRef, literal: Literal): Evaluator | null {
  const { profile, key } = field;
  if (literal.kind === "Null") {
    const read = reader(field);
    return (ctx) => read(ctx) === null;
  }
  if (literal.kind === "String" && field.type === "string") {
    const lit = literal.value;
    return (ctx) => {
      const h = ctx[profile];
      if (typeof h !== "object" || h === null) return false;
      const v = (h as Holder)[key];
      return v === lit || (typeof v !== "string" && v != null && toText(v) === lit);
    };
  }
  if (literal.kind === "Boolean" && field.type === "boolean") {
    const lit = literal.value;
    return (ctx) => {
      const h = ctx[profile];
      if (typeof h !== "object" || h === null) return false;
      const v = (h as Holder)[key];
      return v === lit || (typeof v !== "boolean" && v != null && toBoolean(v) === lit);
    };
  }
  if (literal.kind === "Number" && field.type === "number") {
    const lit = parseDecimal(literal.raw);
    // Literals beyond double precision go the generic way (exact BigInt comparison).
    if (typeof lit !== "number") return null;
    return (ctx) => {
      const h = ctx[profile];
      if (typeof h !== "object" || h === null) return false;
      const v = (h as Holder)[key];
      if (typeof v === "number") return v === lit;
      const d = v == null ? null : toDecimal(v);
      return d !== null && equals(d, lit);
    };
  }
  return null;
}

/** One closure per operator so each compiled condition runs a straight-line comparison. */
function numberOrder(field: FieldRef, op: "<" | ">" | "<=" | ">=", lit: number): Evaluator {
  const { profile, key } = field;
  // `v - v === 0` rejects NaN and ±Infinity, which the number reader treats as absent.
  const slow = (v: unknown) => {
    const d = v == null ? null : toDecimal(v);
    return d !== null && ordered(op, d, lit);
  };
  switch (op) {
    case "<":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return false;
        const v = (h as Holder)[key];
        return typeof v === "number" ? v - v === 0 && v < lit : slow(v);
      };
    case ">":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return false;
        const v = (h as Holder)[key];
        return typeof v === "number" ? v - v === 0 && v > lit : slow(v);
      };
    case "<=":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return false;
        const v = (h as Holder)[key];
        return typeof v === "number" ? v - v === 0 && v <= lit : slow(v);
      };
    case ">=":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return false;
        const v = (h as Holder)[key];
        return typeof v === "number" ? v - v === 0 && v >= lit : slow(v);
      };
  }
}

function reader(field: FieldRef): Evaluator {
  const { profile, key } = field;
  switch (field.type) {
    case "string":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return null;
        const v = (h as Holder)[key];
        return typeof v === "string" ? v : v == null ? null : toText(v);
      };
    case "boolean":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return null;
        const v = (h as Holder)[key];
        return typeof v === "boolean" ? v : v == null ? null : toBoolean(v);
      };
    case "number":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return null;
        const v = (h as Holder)[key];
        return typeof v === "number" && v - v === 0 ? v : v == null ? null : toDecimal(v);
      };
    case "date":
      return (ctx) => {
        const h = ctx[profile];
        if (typeof h !== "object" || h === null) return null;
        const v = (h as Holder)[key];
        return v == null ? null : toDateMs(v);
      };
  }
}

function fieldOf(node: Expr, checked: CheckedExpression): FieldRef | null {
  if (node.kind !== "Member") return null;
  const r = checked.resolutions.get(node);
  if (r?.kind !== "attribute") return null;
  return { profile: r.profile, key: r.attribute.name, type: r.attribute.type };
}

function isLiteral(node: Expr): node is Literal {
  return node.kind === "Number" || node.kind === "String" || node.kind === "Boolean" || node.kind === "Null";
}

function mirror(op: "<" | ">" | "<=" | ">="): "<" | ">" | "<=" | ">=" {
  return op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : "<=";
}
