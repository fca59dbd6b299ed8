// The syntax tree of a condition (SPEC §5.3). Nodes carry their source range so the editor can
// underline exactly what a diagnostic is about; grouping parentheses leave no node behind, the
// tree shape already says what they grouped (the printer puts back the ones that are needed).

export interface SourceRange {
  /** Offset of the first character (UTF-16 code units, like JavaScript strings). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export type BinaryOperator =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | ">"
  | "<="
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";

export type UnaryOperator = "!" | "-";

/** `Yes`/`No` are kept apart from `true`/`false` so printing gives back what the author wrote. */
export type BooleanSpelling = "true" | "false" | "Yes" | "No";

export interface NumberLiteral {
  readonly kind: "Number";
  /** Source digits, e.g. "120.50"; the value is exact (see decimal.ts), never a float. */
  readonly raw: string;
  readonly range: SourceRange;
}

export interface StringLiteral {
  readonly kind: "String";
  readonly value: string;
  readonly range: SourceRange;
}

export interface BooleanLiteral {
  readonly kind: "Boolean";
  readonly value: boolean;
  readonly spelling: BooleanSpelling;
  readonly range: SourceRange;
}

export interface NullLiteral {
  readonly kind: "Null";
  readonly range: SourceRange;
}

export interface Identifier {
  readonly kind: "Identifier";
  readonly name: string;
  readonly range: SourceRange;
}

export interface MemberAccess {
  readonly kind: "Member";
  readonly object: PathExpr;
  readonly property: string;
  readonly propertyRange: SourceRange;
  readonly range: SourceRange;
}

/** `obj.method(args)`; `object` is null for a bare call `f(x)`, which no profile defines. */
export interface MethodCall {
  readonly kind: "Call";
  readonly object: PathExpr | null;
  readonly method: string;
  readonly methodRange: SourceRange;
  readonly args: readonly Expr[];
  readonly range: SourceRange;
}

export interface UnaryExpr {
  readonly kind: "Unary";
  readonly operator: UnaryOperator;
  readonly operand: Expr;
  readonly range: SourceRange;
}

export interface BinaryExpr {
  readonly kind: "Binary";
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly operatorRange: SourceRange;
  readonly range: SourceRange;
}

/** Stands where the parser could not make sense of the input, so it can go on and report more. */
export interface ErrorNode {
  readonly kind: "Error";
  readonly range: SourceRange;
}

export type PathExpr = Identifier | MemberAccess | MethodCall;
export type Literal = NumberLiteral | StringLiteral | BooleanLiteral | NullLiteral;
export type Expr = Literal | PathExpr | UnaryExpr | BinaryExpr | ErrorNode;

export function isPath(node: Expr): node is PathExpr {
  return node.kind === "Identifier" || node.kind === "Member" || node.kind === "Call";
}

/** Direct children in evaluation order; used by the checker, explain and the tests. */
export function childrenOf(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case "Member":
      return [node.object];
    case "Call":
      return node.object ? [node.object, ...node.args] : node.args;
    case "Unary":
      return [node.operand];
    case "Binary":
      return [node.left, node.right];
    default:
      return [];
  }
}
