import type { SourceRange } from "./ast";

// Diagnostics are read by program managers in the workflow editor, so messages name the
// attribute and say what to do, never how the parser works inside.

export type DiagnosticCode =
  | "UNEXPECTED_CHARACTER"
  | "UNTERMINATED_STRING"
  | "UNEXPECTED_TOKEN"
  | "TOO_COMPLEX"
  | "UNKNOWN_ATTRIBUTE"
  | "UNKNOWN_METHOD"
  | "WRONG_ARGUMENT_COUNT"
  | "WRONG_ARGUMENT_TYPE"
  | "TYPE_MISMATCH"
  | "VALUE_NOT_ALLOWED"
  | "NOT_BOOLEAN"
  | "INVALID_REGEX";

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: SourceRange;
}

export function error(code: DiagnosticCode, message: string, range: SourceRange): Diagnostic {
  return { code, severity: "error", message, range };
}

export function warning(code: DiagnosticCode, message: string, range: SourceRange): Diagnostic {
  return { code, severity: "warning", message, range };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
