import type { BinaryExpr, Expr, MemberAccess, MethodCall, UnaryExpr } from "./ast";
import { error, hasErrors, warning, type Diagnostic } from "./diagnostics";
import { METHODS, methodsFor, type MethodDef, type ParamSpec } from "./methods";
import { parse } from "./parser";
import { print } from "./printer";
import type { ProfileFunctionDef } from "./profile-functions";
import { regexProblem } from "./regex-guard";
import type { AttributeDef, ProfileDef, Schema } from "./schema";
import { closest, didYouMean } from "./suggest";
import { TYPE_LABEL, type ExprType, type ValueType } from "./types";

// Type-checks a tree against the schema (SPEC §5.3). Every node gets a type; a node whose type
// is "error" has already been reported, so its parents stay quiet instead of piling on.

export type Resolution =
  | { readonly kind: "profile"; readonly profile: ProfileDef }
  | { readonly kind: "attribute"; readonly profile: string; readonly attribute: AttributeDef }
  | { readonly kind: "method"; readonly method: MethodDef }
  | { readonly kind: "function"; readonly profile: string; readonly fn: ProfileFunctionDef };

export interface CheckedExpression {
  readonly source: string;
  readonly ast: Expr;
  readonly diagnostics: readonly Diagnostic[];
  /** No errors (warnings allowed): the expression can be compiled. */
  readonly ok: boolean;
  readonly type: ExprType;
  readonly types: ReadonlyMap<Expr, ExprType>;
  readonly resolutions: ReadonlyMap<Expr, Resolution>;
  readonly schema: Schema;
}

export function check(input: Expr | string, schema: Schema): CheckedExpression {
  const parsed = typeof input === "string" ? parse(input) : null;
  const ast = parsed ? parsed.ast : (input as Expr);
  const checker = new Checker(schema, parsed === null);
  const type = checker.visit(ast);
  if (type !== "boolean" && type !== "error") {
    checker.diagnostics.push(
      error("NOT_BOOLEAN", `A condition must be true or false, but this is ${TYPE_LABEL[type]}. Compare it, e.g. ${print(ast)} == …`, ast.range),
    );
  }
  const diagnostics = [...(parsed?.diagnostics ?? []), ...checker.diagnostics].sort((a, b) => a.range.start - b.range.start);
  return {
    source: parsed ? parsed.source : print(ast),
    ast,
    diagnostics,
    ok: !hasErrors(diagnostics),
    type,
    types: checker.types,
    resolutions: checker.resolutions,
    schema,
  };
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly types = new Map<Expr, ExprType>();
  readonly resolutions = new Map<Expr, Resolution>();

  constructor(
    private readonly schema: Schema,
    /** A tree built by hand was never parsed, so nobody has reported its Error nodes yet. */
    private readonly reportErrorNodes: boolean,
  ) {}

  visit(node: Expr): ExprType {
    const type = this.typeOf(node);
    this.types.set(node, type);
    return type;
  }

  private typeOf(node: Expr): ExprType {
    switch (node.kind) {
      case "Number":
        return "number";
      case "String":
        return "string";
      case "Boolean":
        return "boolean";
      case "Null":
        return "null";
      case "Error":
        if (this.reportErrorNodes) this.report("UNEXPECTED_TOKEN", "This part of the condition could not be read.", node.range);
        return "error";
      case "Identifier":
        return this.identifier(node.name, node);
      case "Member":
        return this.member(node);
      case "Call":
        return this.call(node);
      case "Unary":
        return this.unary(node);
      case "Binary":
        return this.binary(node);
    }
  }

  private identifier(name: string, node: Expr): ExprType {
    const profile = this.schema.profiles.get(name);
    if (profile) {
      this.resolutions.set(node, { kind: "profile", profile });
      return "profile";
    }
    const hint = didYouMean(closest(name, this.schema.profiles.keys()));
    const known = [...this.schema.profiles.keys()].join(", ");
    this.report("UNKNOWN_ATTRIBUTE", `"${name}" is not a profile.${hint || ` Attributes start with one of: ${known}.`}`, node.range);
    return "error";
  }

  private member(node: MemberAccess): ExprType {
    const objectType = this.visit(node.object);
    if (objectType === "error") return "error";
    const owner = this.resolutions.get(node.object);
    if (owner?.kind !== "profile") {
      this.report("UNKNOWN_ATTRIBUTE", `${print(node.object)} is ${TYPE_LABEL[objectType]} and has no attribute "${node.property}".`, node.propertyRange);
      return "error";
    }
    const profile = owner.profile;
    const attribute = profile.attributes.get(node.property);
    if (attribute) {
      this.resolutions.set(node, { kind: "attribute", profile: profile.name, attribute });
      return attribute.type;
    }
    const fn = profile.functions.get(node.property);
    if (fn) {
      this.report("WRONG_ARGUMENT_COUNT", `${profile.name}.${fn.name} needs ${fn.params.length} argument(s): ${signature(fn.name, fn.params)}.`, node.propertyRange);
      return "error";
    }
    const names = [...profile.attributes.keys(), ...profile.functions.keys()];
    const hint = didYouMean(closest(node.property, names));
    const extra = node.property.startsWith("extField_") && !hint ? " Extended fields must be declared in the org settings first." : "";
    this.report("UNKNOWN_ATTRIBUTE", `${profile.name} has no attribute "${node.property}".${hint}${extra}`, node.propertyRange);
    return "error";
  }

  private call(node: MethodCall): ExprType {
    const objectType = node.object ? this.visit(node.object) : null;
    const argTypes = node.args.map((a) => this.visit(a));
    if (objectType === "error") return "error";
    if (node.object === null || objectType === null) {
      this.report("UNKNOWN_METHOD", `"${node.method}" is not a function; methods are called on an attribute, e.g. currentTxn.extField_x.isNull().`, node.methodRange);
      return "error";
    }
    if (objectType === "profile") return this.profileFunction(node, argTypes);
    if (objectType === "null") {
      this.report("UNKNOWN_METHOD", `Methods cannot be called on null.`, node.methodRange);
      return "error";
    }
    const available = methodsFor(objectType);
    const method = available.find((m) => m.name === node.method);
    if (!method) {
      const elsewhere = METHODS.find((m) => m.name === node.method);
      const why = elsewhere ? ` It works on ${TYPE_LABEL[elsewhere.receiver as ValueType]} attributes, and ${print(node.object)} is ${TYPE_LABEL[objectType]}.` : didYouMean(closest(node.method, available.map((m) => m.name)));
      this.report("UNKNOWN_METHOD", `"${node.method}" is not a method of ${print(node.object)}.${why}`, node.methodRange);
      return "error";
    }
    this.resolutions.set(node, { kind: "method", method });
    this.arguments(node, method.name, method.params, argTypes);
    return method.returns;
  }

  private profileFunction(node: MethodCall, argTypes: readonly ExprType[]): ExprType {
    const owner = node.object ? this.resolutions.get(node.object) : undefined;
    if (owner?.kind !== "profile") return "error";
    const fn = owner.profile.functions.get(node.method);
    if (!fn) {
      const isAttribute = owner.profile.attributes.has(node.method);
      const message = isAttribute
        ? `${owner.profile.name}.${node.method} is an attribute, not a function; remove the parentheses.`
        : `${owner.profile.name} has no function "${node.method}".${didYouMean(closest(node.method, [...owner.profile.functions.keys(), ...owner.profile.attributes.keys()]))}`;
      this.report("UNKNOWN_METHOD", message, node.methodRange);
      return "error";
    }
    this.resolutions.set(node, { kind: "function", profile: owner.profile.name, fn });
    this.arguments(node, fn.name, fn.params, argTypes);
    return fn.returns;
  }

  private arguments(node: MethodCall, name: string, params: readonly ParamSpec[], argTypes: readonly ExprType[]): void {
    if (argTypes.length !== params.length) {
      this.report("WRONG_ARGUMENT_COUNT", `${name} takes ${params.length} argument(s) but got ${argTypes.length}: ${signature(name, params)}.`, node.range);
      return;
    }
    params.forEach((param, i) => {
      const arg = node.args[i];
      const type = argTypes[i];
      if (!arg || type === undefined || type === "error") return;
      if (type === "profile" || (type !== "null" && !param.types.includes(type))) {
        const expected = param.types.map((t) => TYPE_LABEL[t]).join(" or ");
        this.report("WRONG_ARGUMENT_TYPE", `${name}: "${param.name}" must be ${expected}, but ${print(arg)} is ${TYPE_LABEL[type]}.`, arg.range);
        return;
      }
      if (param.literal && arg.kind !== "String") {
        this.report("WRONG_ARGUMENT_TYPE", `${name}: "${param.name}" must be written in quotes, e.g. ${name}("[A-Z]+").`, arg.range);
        return;
      }
      if (name === "matches" && arg.kind === "String") {
        const problem = regexProblem(arg.value);
        if (problem) this.report("INVALID_REGEX", problem, arg.range);
      }
    });
  }

  private unary(node: UnaryExpr): ExprType {
    const type = this.visit(node.operand);
    if (type === "error") return "error";
    const wanted: ValueType = node.operator === "!" ? "boolean" : "number";
    if (type !== wanted) {
      this.report("TYPE_MISMATCH", `"${node.operator}" needs ${TYPE_LABEL[wanted]}, but ${print(node.operand)} is ${TYPE_LABEL[type]}.`, node.range);
      return "error";
    }
    return wanted;
  }

  private binary(node: BinaryExpr): ExprType {
    const left = this.visit(node.left);
    const right = this.visit(node.right);
    if (left === "error" || right === "error") return node.operator === "&&" || node.operator === "||" || isComparison(node.operator) ? "boolean" : "error";
    switch (node.operator) {
      case "&&":
      case "||":
        return this.logical(node, left, right);
      case "==":
      case "!=":
        return this.equality(node, left, right);
      case "<":
      case ">":
      case "<=":
      case ">=":
        return this.ordering(node, left, right);
      default:
        return this.arithmetic(node, left, right);
    }
  }

  private logical(node: BinaryExpr, left: ExprType, right: ExprType): ExprType {
    for (const [side, type] of [[node.left, left], [node.right, right]] as const) {
      if (type !== "boolean") {
        const hint = type === "number" ? ` Compare it, e.g. ${print(side)} > 0.` : "";
        this.report("TYPE_MISMATCH", `"${node.operator}" joins true/false conditions, but ${print(side)} is ${TYPE_LABEL[type]}.${hint}`, side.range);
      }
    }
    return "boolean";
  }

  private equality(node: BinaryExpr, left: ExprType, right: ExprType): ExprType {
    if (left === "profile" || right === "profile") return this.profileOperand(node, left);
    if (left === "null" || right === "null" || left === right) {
      this.allowedValues(node.left, node.right);
      this.allowedValues(node.right, node.left);
      return "boolean";
    }
    this.mismatch(node, left, right);
    return "boolean";
  }

  private ordering(node: BinaryExpr, left: ExprType, right: ExprType): ExprType {
    if (left === "profile" || right === "profile") return this.profileOperand(node, left);
    if (left === right && (left === "number" || left === "date")) return "boolean";
    if (left === right) {
      this.report("TYPE_MISMATCH", `"${node.operator}" compares numbers or dates, but both sides are ${TYPE_LABEL[left]}.`, node.range);
    } else {
      this.mismatch(node, left, right);
    }
    return "boolean";
  }

  private arithmetic(node: BinaryExpr, left: ExprType, right: ExprType): ExprType {
    let ok = true;
    for (const [side, type] of [[node.left, left], [node.right, right]] as const) {
      if (type !== "number") {
        ok = false;
        this.report("TYPE_MISMATCH", `"${node.operator}" works on numbers, but ${print(side)} is ${TYPE_LABEL[type]}.`, side.range);
      }
    }
    return ok ? "number" : "error";
  }

  private profileOperand(node: BinaryExpr, left: ExprType): ExprType {
    const side = left === "profile" ? node.left : node.right;
    this.report("TYPE_MISMATCH", `${print(side)} is a whole profile; pick one of its attributes, e.g. ${print(side)}.<attribute>.`, side.range);
    return "boolean";
  }

  private mismatch(node: BinaryExpr, left: ExprType, right: ExprType): void {
    let hint = "";
    const literal = node.left.kind === "String" ? node.left : node.right.kind === "String" ? node.right : null;
    if ((left === "boolean" || right === "boolean") && literal && /^(yes|no|true|false)$/i.test(literal.value)) {
      hint = ` Write ${/^(yes|true)$/i.test(literal.value) ? "true" : "false"} without quotes.`;
    } else if ((left === "string" || right === "string") && (node.left.kind === "Boolean" || node.right.kind === "Boolean")) {
      const b = node.left.kind === "Boolean" ? node.left : node.right;
      hint = b.kind === "Boolean" ? ` For a text value write it in quotes: "${b.spelling}".` : "";
    } else if (left === "date" || right === "date") {
      hint = ` For dates use methods such as isAfter("2024-01-31").`;
    }
    this.report("TYPE_MISMATCH", `Cannot compare ${print(node.left)} (${TYPE_LABEL[left]}) with ${print(node.right)} (${TYPE_LABEL[right]}).${hint}`, node.range);
  }

  /** Warns when a literal can never equal an enum field, e.g. "Maybe" for a Yes/No field. */
  private allowedValues(field: Expr, literal: Expr): void {
    const r = this.resolutions.get(field);
    if (r?.kind !== "attribute" || !r.attribute.allowedValues || literal.kind !== "String") return;
    const allowed = r.attribute.allowedValues;
    if (allowed.includes(literal.value)) return;
    const hint = didYouMean(closest(literal.value, allowed));
    const list = allowed.map((v) => `"${v}"`).join(", ");
    this.diagnostics.push(
      warning("VALUE_NOT_ALLOWED", `${print(field)} can only be ${list}, so "${literal.value}" never matches.${hint}`, literal.range),
    );
  }

  private report(code: Diagnostic["code"], message: string, range: Expr["range"]): void {
    this.diagnostics.push(error(code, message, range));
  }
}

function isComparison(op: BinaryExpr["operator"]): boolean {
  return op === "==" || op === "!=" || op === "<" || op === ">" || op === "<=" || op === ">=";
}

function signature(name: string, params: readonly ParamSpec[]): string {
  return `${name}(${params.map((p) => p.name).join(", ")})`;
}
