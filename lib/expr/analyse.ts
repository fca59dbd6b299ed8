import { candidates, collectAtoms, type Variable } from "./analyse-atoms";
import { check } from "./checker";
import { compile, type CompiledExpression } from "./compiler";
import type { Schema } from "./schema";

// Overlap and gap analysis of the conditions of one activity (SPEC §5.1: ordered conditions).
// Overlap: one event makes two conditions true. Gap: an event makes none true. Within the
// fragment described in analyse-atoms.ts the search is exhaustive, so "disjoint" and "covered"
// are proofs; outside it we answer "unknown" with the reason rather than guess. Every witness is
// confirmed by the real evaluator before it is reported.

export interface ConditionInput {
  readonly id: string;
  readonly expression: string;
}

export type Witness = Record<string, Record<string, unknown>>;

export type PairResult =
  | { readonly a: string; readonly b: string; readonly status: "overlap"; readonly witness: Witness }
  | { readonly a: string; readonly b: string; readonly status: "disjoint" }
  | { readonly a: string; readonly b: string; readonly status: "unknown"; readonly reason: string };

export type GapResult =
  | { readonly status: "gap"; readonly witness: Witness }
  | { readonly status: "covered" }
  | { readonly status: "unknown"; readonly reason: string };

export interface AnalysisReport {
  readonly pairs: readonly PairResult[];
  readonly overlaps: readonly Extract<PairResult, { status: "overlap" }>[];
  readonly gap: GapResult;
  readonly unsupported: readonly { readonly id: string; readonly reason: string }[];
}

/** Above this many candidate events the search stops and says so. */
export const MAX_COMBINATIONS = 200_000;

interface Prepared {
  readonly id: string;
  readonly compiled: CompiledExpression;
  readonly vars: Map<string, Variable>;
}

export function analyse(conditions: readonly ConditionInput[], schema: Schema): AnalysisReport {
  const prepared: Prepared[] = [];
  const unsupported: { id: string; reason: string }[] = [];
  for (const { id, expression } of conditions) {
    const checked = check(expression, schema);
    if (!checked.ok) {
      unsupported.push({ id, reason: `The condition has errors: ${checked.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join(" ")}` });
      continue;
    }
    const vars = new Map<string, Variable>();
    const atoms = collectAtoms(checked.ast, checked, vars);
    if (!atoms.ok) unsupported.push({ id, reason: atoms.reason });
    else prepared.push({ id, compiled: compile(checked), vars });
  }
  const skipped = new Set(unsupported.map((u) => u.id));
  const byId = new Map(prepared.map((p) => [p.id, p]));
  const pairs: PairResult[] = [];
  conditions.forEach((x, i) => {
    for (const y of conditions.slice(i + 1)) {
      const px = byId.get(x.id);
      const py = byId.get(y.id);
      if (!px || !py) {
        const reason = `Condition ${skipped.has(x.id) ? x.id : y.id} is outside what the analyser supports.`;
        pairs.push({ a: x.id, b: y.id, status: "unknown", reason });
        continue;
      }
      const found = search([px, py], (results) => results[0] === true && results[1] === true);
      if (typeof found === "string") pairs.push({ a: x.id, b: y.id, status: "unknown", reason: found });
      else if (found) pairs.push({ a: x.id, b: y.id, status: "overlap", witness: found });
      else pairs.push({ a: x.id, b: y.id, status: "disjoint" });
    }
  });
  let gap: GapResult;
  if (unsupported.length > 0) {
    gap = { status: "unknown", reason: `Conditions ${unsupported.map((u) => u.id).join(", ")} are outside what the analyser supports.` };
  } else {
    const found = search(prepared, (results) => results.every((r) => !r));
    gap = typeof found === "string" ? { status: "unknown", reason: found } : found ? { status: "gap", witness: found } : { status: "covered" };
  }
  const overlaps = pairs.filter((p): p is Extract<PairResult, { status: "overlap" }> => p.status === "overlap");
  return { pairs, overlaps, gap, unsupported };
}

/** Tries every combination of candidate values; a witness, null when none exists, or why it gave up. */
function search(conds: readonly Prepared[], wanted: (results: readonly boolean[]) => boolean): Witness | null | string {
  const vars = mergeVariables(conds);
  const domains = vars.map(candidates);
  const total = domains.reduce((n, d) => n * d.length, 1);
  if (total > MAX_COMBINATIONS) return `Too many combinations to check (${total}); split the conditions into smaller ones.`;
  const index = domains.map(() => 0);
  const results = conds.map(() => false);
  for (let n = 0; n < total; n++) {
    const event = buildEvent(vars, domains, index);
    conds.forEach((c, i) => (results[i] = c.compiled.evaluate(event)));
    if (wanted(results)) return event;
    for (let k = 0; k < index.length; k++) {
      const next = (index[k] ?? 0) + 1;
      if (next < (domains[k]?.length ?? 0)) {
        index[k] = next;
        break;
      }
      index[k] = 0;
    }
  }
  return null;
}

function mergeVariables(conds: readonly Prepared[]): Variable[] {
  const merged = new Map<string, Variable>();
  for (const c of conds) {
    for (const [key, v] of c.vars) {
      const seen = merged.get(key);
      if (!seen) merged.set(key, { ...v, strings: new Set(v.strings), numbers: [...v.numbers] });
      else {
        v.strings.forEach((s) => seen.strings.add(s));
        seen.numbers.push(...v.numbers);
      }
    }
  }
  return [...merged.values()];
}

/** An event holding each variable's chosen value; null values are left out (absent). */
function buildEvent(vars: readonly Variable[], domains: readonly (readonly unknown[])[], index: readonly number[]): Witness {
  const event: Witness = {};
  vars.forEach((v, k) => {
    const value = domains[k]?.[index[k] ?? 0] ?? null;
    const profile = (event[v.profile] ??= {});
    if (value !== null) profile[v.attribute] = value;
  });
  return event;
}
