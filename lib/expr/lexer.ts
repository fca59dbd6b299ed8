import type { SourceRange } from "./ast";
import { error, type Diagnostic } from "./diagnostics";

// Turns source text into tokens. It never stops at a bad character: it reports it and carries on,
// so one pass shows the author every problem (SPEC §5.3 grammar).

export type TokenKind =
  | "number"
  | "string"
  | "identifier"
  | "("
  | ")"
  | "."
  | ","
  | "!"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "=="
  | "!="
  | "<"
  | ">"
  | "<="
  | ">="
  | "&&"
  | "||"
  | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** Source text for numbers and identifiers; the unescaped value for strings. */
  readonly text: string;
  readonly range: SourceRange;
}

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
}

const SINGLE: Readonly<Record<string, TokenKind>> = {
  "(": "(",
  ")": ")",
  ".": ".",
  ",": ",",
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "%": "%",
};

export function lex(source: string): LexResult {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number, end: number) =>
    tokens.push({ kind, text, range: { start, end } });

  while (i < source.length) {
    const c = source.charAt(i);
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (isDigit(c)) {
      while (isDigit(source.charAt(i))) i++;
      if (source.charAt(i) === "." && isDigit(source.charAt(i + 1))) {
        i++;
        while (isDigit(source.charAt(i))) i++;
      }
      push("number", source.slice(start, i), start, i);
    } else if (isIdentStart(c)) {
      while (i < source.length && isIdentPart(source.charAt(i))) i++;
      push("identifier", source.slice(start, i), start, i);
    } else if (c === '"' || c === "'") {
      i = lexString(source, i, c, push, diagnostics);
    } else if (SINGLE[c] !== undefined) {
      push(SINGLE[c], c, i, i + 1);
      i++;
    } else {
      i = lexOperator(source, i, push, diagnostics);
    }
  }
  push("eof", "", source.length, source.length);
  return { tokens, diagnostics };
}

type Push = (kind: TokenKind, text: string, start: number, end: number) => void;

function lexOperator(source: string, i: number, push: Push, diagnostics: Diagnostic[]): number {
  const c = source.charAt(i);
  const next = source.charAt(i + 1);
  const two = c + next;
  if (two === "==" || two === "!=" || two === "<=" || two === ">=" || two === "&&" || two === "||") {
    push(two, two, i, i + 2);
    return i + 2;
  }
  if (c === "<" || c === ">" || c === "!") {
    push(c, c, i, i + 1);
    return i + 1;
  }
  // A lone `=`, `&` or `|` is almost always a typo for the doubled operator: say so, and read it
  // as that operator so the rest of the expression is still checked.
  const doubled: Readonly<Record<string, TokenKind>> = { "=": "==", "&": "&&", "|": "||" };
  const guess = doubled[c];
  if (guess !== undefined) {
    diagnostics.push(
      error("UNEXPECTED_CHARACTER", `Use "${guess}" instead of a single "${c}".`, { start: i, end: i + 1 }),
    );
    push(guess, c, i, i + 1);
    return i + 1;
  }
  const codePoint = source.codePointAt(i) ?? 0;
  const width = codePoint > 0xffff ? 2 : 1;
  const shown = source.slice(i, i + width);
  diagnostics.push(
    error("UNEXPECTED_CHARACTER", `The character "${shown}" cannot be used here.`, { start: i, end: i + width }),
  );
  return i + width;
}

function lexString(source: string, start: number, quote: string, push: Push, diagnostics: Diagnostic[]): number {
  let i = start + 1;
  let value = "";
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === quote) {
      push("string", value, start, i + 1);
      return i + 1;
    }
    if (c === "\n") break;
    if (c === "\\" && i + 1 < source.length) {
      const [text, width] = unescape(source, i);
      value += text;
      i += width;
    } else {
      value += c;
      i++;
    }
  }
  diagnostics.push(
    error("UNTERMINATED_STRING", `This text is missing its closing ${quote}.`, { start, end: i }),
  );
  push("string", value, start, i);
  return i;
}

/** Returns the unescaped text and how many source characters the escape used. */
function unescape(source: string, i: number): [string, number] {
  const e = source.charAt(i + 1);
  const simple: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", '"': '"', "'": "'", "\\": "\\" };
  const mapped = simple[e];
  if (mapped !== undefined) return [mapped, 2];
  const hex = source.slice(i + 2, i + 6);
  if (e === "u" && /^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
  // Unknown escapes stay as written: authors type regexes like "\d+" inside .matches(...).
  return ["\\" + e, 2];
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00a0";
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isIdentStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c === "$";
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}
