import { compare, equals, isDecimal, add, subtract, multiply, divide, remainder, negate, type Decimal } from "./decimal";
import { toDateMs, type RuntimeValue } from "./coerce";
import type { BinaryOperator } from "./ast";

// The meaning of each operator on run-time values (SPEC §5.3; documented in docs-expr.md):
// - null is "absent". `==`/`!=` treat null as a value (null == null); every other comparison
//   with null is false; arithmetic with null gives null; `&&`, `||`, `!` read null as false.
// - numbers are exact decimals (decimal.ts); division or remainder by zero gives null.
// The compiler's specialised closures must agree with these functions; a property test checks it.

export type EvalContext = Readonly<Record<string, unknown>>;

export function valueEquals(a: RuntimeValue, b: RuntimeValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (isDecimal(a) && isDecimal(b)) return equals(a, b);
  return false;
}

export function ordered(op: "<" | ">" | "<=" | ">=", a: RuntimeValue, b: RuntimeValue): boolean {
  if (!isDecimal(a) || !isDecimal(b)) return false;
  const c = compare(a, b);
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
  }
}

export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";

export function arithmetic(op: ArithmeticOperator, a: RuntimeValue, b: RuntimeValue): Decimal | null {
  if (!isDecimal(a) || !isDecimal(b)) return null;
  switch (op) {
    case "+":
      return add(a, b);
    case "-":
      return subtract(a, b);
    case "*":
      return multiply(a, b);
    case "/":
      return divide(a, b);
    case "%":
      return remainder(a, b);
  }
}

export function minus(a: RuntimeValue): Decimal | null {
  return isDecimal(a) ? negate(a) : null;
}

export function isArithmetic(op: BinaryOperator): op is ArithmeticOperator {
  return op === "+" || op === "-" || op === "*" || op === "/" || op === "%";
}

/** The event time for date methods: `now` in the context (Date, ISO text, epoch ms), else the clock. */
export function nowOf(ctx: EvalContext): number {
  return toDateMs(ctx["now"]) ?? Date.now();
}
