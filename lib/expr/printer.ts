import type { BinaryOperator, Expr } from "./ast";

// Canonical text of a tree: one space around binary operators, none inside paths and calls,
// double-quoted strings, and only the parentheses the precedence needs (SPEC §5.3 grammar).
// parse(print(tree)) gives back the same tree, which the editor relies on to reformat safely.

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  ">": 3,
  "<=": 3,
  ">=": 3,
  "+": 4,
  "-": 4,
  "*": 5,
  "/": 5,
  "%": 5,
};
const UNARY = 6;
const PRIMARY = 7;

export function print(node: Expr): string {
  switch (node.kind) {
    case "Number":
      return node.raw;
    case "String":
      return quote(node.value);
    case "Boolean":
      return node.spelling;
    case "Null":
      return "null";
    case "Identifier":
      return node.name;
    case "Member":
      return `${print(node.object)}.${node.property}`;
    case "Call": {
      const args = node.args.map(print).join(", ");
      return node.object ? `${print(node.object)}.${node.method}(${args})` : `${node.method}(${args})`;
    }
    case "Unary":
      return node.operator + wrap(node.operand, precedenceOf(node.operand) < UNARY);
    case "Binary": {
      const p = PRECEDENCE[node.operator];
      // Comparisons do not chain, so a comparison operand of a comparison needs parentheses on
      // both sides; other operators are left-associative, so only the right side does.
      const leftNeeds = precedenceOf(node.left) < p || (p === 3 && precedenceOf(node.left) === 3);
      const rightNeeds = precedenceOf(node.right) <= p;
      return `${wrap(node.left, leftNeeds)} ${node.operator} ${wrap(node.right, rightNeeds)}`;
    }
    case "Error":
      return "<error>";
  }
}

export function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += "\\u" + code.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function precedenceOf(node: Expr): number {
  if (node.kind === "Binary") return PRECEDENCE[node.operator];
  if (node.kind === "Unary") return UNARY;
  return PRIMARY;
}

function wrap(node: Expr, parens: boolean): string {
  return parens ? `(${print(node)})` : print(node);
}
