import type { BinaryOperator, Expr, PathExpr, SourceRange } from "./ast";
import { error, type Diagnostic } from "./diagnostics";
import { lex, type Token, type TokenKind } from "./lexer";

// Recursive descent over the SPEC §5.3 grammar. On a syntax error it records a diagnostic, leaves
// an Error node and resynchronises at `&&`, `||`, `)` or `,`, so the author sees every problem at
// once. It never throws: size limits keep recursion far from the engine's stack limit.

export interface ParseResult {
  readonly source: string;
  /** Always present; holds Error nodes where the input could not be understood. */
  readonly ast: Expr;
  readonly diagnostics: readonly Diagnostic[];
}

/** No real condition comes near these; they bound recursion in every later pass. */
const MAX_NODES = 2000;
const MAX_NESTING = 100;

const COMPARISONS: ReadonlySet<TokenKind> = new Set(["==", "!=", "<", ">", "<=", ">="]);
const SYNC: ReadonlySet<TokenKind> = new Set(["&&", "||", ")", ",", "eof"]);

class TooComplex extends Error {}

export function parse(source: string): ParseResult {
  const lexed = lex(source);
  const parser = new Parser(lexed.tokens, [...lexed.diagnostics]);
  let ast: Expr;
  try {
    ast = parser.parseRoot();
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    const range = { start: 0, end: source.length };
    parser.diagnostics.push(error("TOO_COMPLEX", "This condition is too long or too deeply nested; split it into smaller conditions.", range));
    ast = { kind: "Error", range };
  }
  const diagnostics = parser.diagnostics.sort((a, b) => a.range.start - b.range.start);
  return { source, ast, diagnostics };
}

class Parser {
  private pos = 0;
  private nodes = 0;
  private nesting = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly diagnostics: Diagnostic[],
  ) {}

  parseRoot(): Expr {
    if (this.peek().kind === "eof") {
      this.report(this.peek(), "The condition is empty; write one, or `true` to always run the actions.");
      return this.errorNode(this.peek().range);
    }
    let expr = this.parseOr();
    while (this.peek().kind !== "eof") {
      const stray = this.peek();
      this.report(stray, `Expected "&&", "||" or the end of the condition, but found ${describe(stray)}.`);
      this.skipToSync(true);
      const op = this.peek();
      if (op.kind === "&&" || op.kind === "||") {
        this.pos++;
        const right = this.parseOr();
        expr = this.binary(op.kind, expr, right, op.range);
      }
    }
    return expr;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.peek().kind === "||") {
      const op = this.next();
      left = this.binary("||", left, this.parseAnd(), op.range);
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseComparison();
    while (this.peek().kind === "&&") {
      const op = this.next();
      left = this.binary("&&", left, this.parseComparison(), op.range);
    }
    return left;
  }

  private parseComparison(): Expr {
    const left = this.parseSum();
    const op = this.peek();
    if (!COMPARISONS.has(op.kind)) return left;
    this.pos++;
    const result = this.binary(op.kind as BinaryOperator, left, this.parseSum(), op.range);
    const again = this.peek();
    if (COMPARISONS.has(again.kind)) {
      // `a < b < c` reads naturally but means nothing here; ask for && instead of guessing.
      this.report(again, `Comparisons cannot be chained; join them with "&&", e.g. a < b && b < c.`);
    }
    return result;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let op = this.peek(); op.kind === "+" || op.kind === "-"; op = this.peek()) {
      this.pos++;
      left = this.binary(op.kind, left, this.parseProduct(), op.range);
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (let op = this.peek(); op.kind === "*" || op.kind === "/" || op.kind === "%"; op = this.peek()) {
      this.pos++;
      left = this.binary(op.kind, left, this.parseUnary(), op.range);
    }
    return left;
  }

  private parseUnary(): Expr {
    const op = this.peek();
    if (op.kind !== "!" && op.kind !== "-") return this.parsePrimary();
    this.pos++;
    const operand = this.nested(() => this.parseUnary());
    return this.count({ kind: "Unary", operator: op.kind, operand, range: span(op.range, operand.range) });
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case "number":
        this.pos++;
        return this.count({ kind: "Number", raw: t.text, range: t.range });
      case "string":
        this.pos++;
        return this.count({ kind: "String", value: t.text, range: t.range });
      case "(":
        return this.parseGroup();
      case "identifier":
        return this.parseKeywordOrPath(t);
      default:
        this.report(t, `Expected a value (a number, "text", true/false, or an attribute such as currentTxn.value), but found ${describe(t)}.`);
        if (!SYNC.has(t.kind)) this.pos++;
        return this.errorNode(t.range);
    }
  }

  private parseGroup(): Expr {
    const open = this.next();
    const inner = this.nested(() => this.parseOr());
    if (this.peek().kind === ")") {
      this.pos++;
    } else {
      this.report(this.peek(), `Expected ")" to close the "(" opened at position ${open.range.start + 1}, but found ${describe(this.peek())}.`);
    }
    return inner;
  }

  private parseKeywordOrPath(t: Token): Expr {
    this.pos++;
    switch (t.text) {
      case "true":
      case "Yes":
        return this.count({ kind: "Boolean", value: true, spelling: t.text, range: t.range });
      case "false":
      case "No":
        return this.count({ kind: "Boolean", value: false, spelling: t.text, range: t.range });
      case "null":
        return this.count({ kind: "Null", range: t.range });
    }
    let path: PathExpr = this.count({ kind: "Identifier", name: t.text, range: t.range });
    for (;;) {
      const k = this.peek().kind;
      if (k === ".") {
        this.pos++;
        const name = this.peek();
        if (name.kind !== "identifier") {
          this.report(name, `Expected an attribute or method name after ".", but found ${describe(name)}.`);
          return this.errorNode(span(path.range, name.range));
        }
        this.pos++;
        path = this.count({ kind: "Member", object: path, property: name.text, propertyRange: name.range, range: span(path.range, name.range) });
      } else if (k === "(") {
        path = this.parseCall(path);
      } else {
        return path;
      }
    }
  }

  private parseCall(callee: PathExpr): PathExpr {
    this.pos++;
    const args: Expr[] = [];
    if (this.peek().kind !== ")") {
      for (;;) {
        args.push(this.nested(() => this.parseOr()));
        if (this.peek().kind !== ",") break;
        this.pos++;
      }
    }
    const close = this.peek();
    if (close.kind === ")") {
      this.pos++;
    } else {
      this.report(close, `Expected "," or ")" in the argument list, but found ${describe(close)}.`);
    }
    const range = span(callee.range, close.kind === ")" ? close.range : lastRange(args, callee.range));
    if (callee.kind === "Member") {
      return this.count({ kind: "Call", object: callee.object, method: callee.property, methodRange: callee.propertyRange, args, range });
    }
    if (callee.kind === "Identifier") {
      return this.count({ kind: "Call", object: null, method: callee.name, methodRange: callee.range, args, range });
    }
    // `a.f()(x)`: a call result cannot be called again.
    this.report(close, "A method result cannot be called again.");
    return callee;
  }

  private binary(op: BinaryOperator, left: Expr, right: Expr, operatorRange: SourceRange): Expr {
    return this.count({ kind: "Binary", operator: op, left, right, operatorRange, range: span(left.range, right.range) });
  }

  private nested<T>(f: () => T): T {
    if (++this.nesting > MAX_NESTING) throw new TooComplex();
    try {
      return f();
    } finally {
      this.nesting--;
    }
  }

  private count<T extends Expr>(node: T): T {
    if (++this.nodes > MAX_NODES) throw new TooComplex();
    return node;
  }

  private errorNode(range: SourceRange): Expr {
    return this.count({ kind: "Error", range });
  }

  private skipToSync(atLeastOne: boolean): void {
    if (atLeastOne && this.peek().kind !== "eof") this.pos++;
    while (!SYNC.has(this.peek().kind)) this.pos++;
    // A stray ")" or "," at top level can never be used: skip it too.
    while (this.peek().kind === ")" || this.peek().kind === ",") this.pos++;
  }

  private report(t: Token, message: string): void {
    // Recovery can meet the same bad token twice; one message per spot is enough.
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last?.code === "UNEXPECTED_TOKEN" && last.range.start === t.range.start) return;
    this.diagnostics.push(error("UNEXPECTED_TOKEN", message, t.range));
  }

  private peek(): Token {
    // The lexer always ends the list with an eof token, and pos never passes it.
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1] ?? { kind: "eof", text: "", range: { start: 0, end: 0 } };
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.pos++;
    return t;
  }
}

function span(a: SourceRange, b: SourceRange): SourceRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function lastRange(args: readonly Expr[], fallback: SourceRange): SourceRange {
  return args[args.length - 1]?.range ?? fallback;
}

function describe(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "the end of the condition";
    case "string":
      return `the text "${t.text}"`;
    case "number":
    case "identifier":
      return `"${t.text}"`;
    default:
      return `"${t.kind}"`;
  }
}
