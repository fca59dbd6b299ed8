// Public entry of the condition language (SPEC §5.3). Pure: no database, no framework, so the
// workflow editor runs the same checker in the browser that the engine runs on the server.

export type { BinaryOperator, Expr, PathExpr, SourceRange, UnaryOperator } from "./ast";
export { childrenOf } from "./ast";
export type { Diagnostic, DiagnosticCode, Severity } from "./diagnostics";
export { parse, type ParseResult } from "./parser";
export { print } from "./printer";
export { lineColumnAt, offsetAt, type LineColumn } from "./source-position";
export { buildSchema, BASE_SCHEMA, extendedFieldPath, type Schema, type ExtendedFieldDecl, type AttributeDef, type ProfileDef } from "./schema";
export { check, type CheckedExpression } from "./checker";
export { compile, NotCompilableError, type CompiledExpression } from "./compiler";
export type { EvalContext } from "./runtime";
export { explain, type Explanation, type ExplainStep } from "./explain";

export { analyse, MAX_COMBINATIONS, type AnalysisReport, type ConditionInput, type GapResult, type PairResult, type Witness } from "./analyse";
export type { ValueType } from "./types";
