import { check, compile, explain, type CompiledExpression, type EvalContext, type Explanation, type Schema } from "@/lib/expr";
import { allocate } from "./allocate";
import { conditionsOf, problemsOf, type ExpressionProblem } from "./check-document";
import type { ExpiryOutcome, ResolvedExpiry } from "./expiry";
import { formatFixed, min, ZERO, toFixed, type Fixed } from "./points-math";
import type { ActivityCode, PointsKind, Ruleset, UserEntity, WorkflowAction, WorkflowDocument } from "./schema";

// Runs a workflow document against one event, without touching any database (SPEC §5.1): every
// ruleset of the activity; within a ruleset the conditions in order; each condition runs its
// whenTrue or its whenFalse actions. The simulator shows the outcome; the engine (lib/engine)
// compiles a LIVE version once (compileWorkflow), then turns each outcome into ledger postings.

export interface CompiledCondition {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly expression: string;
  /** null when the expression has errors against the schema it was compiled with. */
  readonly compiled: CompiledExpression | null;
  readonly whenTrue: readonly WorkflowAction[];
  readonly whenFalse: readonly WorkflowAction[];
}

export interface CompiledRuleset {
  readonly name: string;
  readonly scope: Ruleset["scope"];
  readonly pointsCap: Fixed | null;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledWorkflow {
  readonly document: WorkflowDocument;
  readonly activities: ReadonlyMap<ActivityCode, readonly CompiledRuleset[]>;
  /** Errors found while compiling; empty for any version that passed save. */
  readonly problems: readonly ExpressionProblem[];
}

export interface WorkflowEvent {
  readonly activity: ActivityCode;
  /** What conditions read: currentTxn, currentCustomer, currentUserGroup, currentEvent, currentTrackerCondition. */
  readonly context: EvalContext;
  readonly eventDate: Date;
  /** The program's expiry, for actions whose expiry is PROGRAM_DEFAULT; unset means never. */
  readonly programDefaultExpiry?: ResolvedExpiry;
  /** Where the event happened, for ruleset scopes. */
  readonly location?: { readonly zoneCode?: string; readonly storeCode?: string };
}

export type Branch = "whenTrue" | "whenFalse";

export interface ConditionOutcome {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly expression: string;
  /** null: the condition has errors and was not evaluated (its actions do not run). */
  readonly result: boolean | null;
  readonly branch: Branch | null;
  readonly explanation?: Explanation;
}

export interface AllocationOutcome {
  readonly ruleset: string;
  readonly conditionId: string;
  readonly conditionName: string;
  readonly branch: Branch;
  readonly wallet: UserEntity;
  readonly kind: PointsKind;
  /** Decimal text, up to 4 decimals, after rounding and the ruleset's cap. */
  readonly points: string;
  /** Before the cap; differs from points only when the cap cut it. */
  readonly uncappedPoints: string;
  readonly expiry: ExpiryOutcome;
  readonly basis: string;
}

export interface ActionOutcome {
  readonly ruleset: string;
  readonly conditionId: string;
  readonly conditionName: string;
  readonly branch: Branch;
  readonly action: Exclude<WorkflowAction, { type: "TRANSACTION_POINT_ALLOCATION" }>;
}

export interface RulesetOutcome {
  readonly name: string;
  /** false with a reason when the ruleset's scope excludes the event; its conditions were not run. */
  readonly inScope: boolean;
  readonly outOfScopeReason?: string;
  readonly capped: boolean;
  readonly conditions: readonly ConditionOutcome[];
}

export interface WorkflowOutcome {
  readonly activity: ActivityCode;
  readonly rulesets: readonly RulesetOutcome[];
  readonly allocations: readonly AllocationOutcome[];
  /** Every other action to perform, in order (redeem, transfer, tier, webhook). */
  readonly actions: readonly ActionOutcome[];
}

export function compileWorkflow(document: WorkflowDocument, schema: Schema): CompiledWorkflow {
  const problems: ExpressionProblem[] = [];
  const byActivity = new Map<ActivityCode, CompiledRuleset[]>();
  const located = conditionsOf(document);
  document.activities.forEach((activity, i) => {
    const rulesets = activity.rulesets.map((ruleset, j): CompiledRuleset => {
      const conditions = located
        .filter((l) => l.activityIndex === i && l.rulesetIndex === j)
        .map((l): CompiledCondition => {
          const checked = check(l.condition.expression, schema);
          problems.push(...problemsOf(l, checked));
          const c = l.condition;
          return { id: c.id ?? fallbackId(i, j, l.conditionIndex), name: c.name, path: l.path, expression: c.expression, compiled: checked.ok ? compile(checked) : null, whenTrue: c.whenTrue, whenFalse: c.whenFalse };
        });
      return { name: ruleset.name, scope: ruleset.scope, pointsCap: ruleset.pointsCap ? toFixed(ruleset.pointsCap.points) : null, conditions };
    });
    byActivity.set(activity.activity, rulesets);
  });
  return { document, activities: byActivity, problems };
}

export function evaluateWorkflow(workflow: CompiledWorkflow, event: WorkflowEvent, options: { explain?: boolean } = {}): WorkflowOutcome {
  const ctx: EvalContext = { ...event.context, now: event.eventDate };
  const rulesets: RulesetOutcome[] = [];
  const allocations: AllocationOutcome[] = [];
  const actions: ActionOutcome[] = [];
  for (const ruleset of workflow.activities.get(event.activity) ?? []) {
    const outside = outOfScope(ruleset, event);
    if (outside) {
      rulesets.push({ name: ruleset.name, inScope: false, outOfScopeReason: outside, capped: false, conditions: [] });
      continue;
    }
    const conditions: ConditionOutcome[] = [];
    const pending: { outcome: Omit<AllocationOutcome, "points" | "uncappedPoints">; points: Fixed }[] = [];
    for (const c of ruleset.conditions) {
      const base = { id: c.id, name: c.name, path: c.path, expression: c.expression };
      if (!c.compiled) {
        conditions.push({ ...base, result: null, branch: null });
        continue;
      }
      const explanation = options.explain ? explain(c.compiled, ctx) : undefined;
      const result = explanation ? explanation.result : c.compiled.evaluate(ctx);
      const branch: Branch = result ? "whenTrue" : "whenFalse";
      conditions.push(explanation ? { ...base, result, branch, explanation } : { ...base, result, branch });
      const where = { ruleset: ruleset.name, conditionId: c.id, conditionName: c.name, branch };
      for (const action of c[branch]) {
        if (action.type !== "TRANSACTION_POINT_ALLOCATION") {
          actions.push({ ...where, action });
          continue;
        }
        const a = allocate(action, ctx, event.eventDate, event.programDefaultExpiry);
        pending.push({ outcome: { ...where, wallet: a.wallet, kind: a.kind, expiry: a.expiry, basis: a.basis }, points: a.points });
      }
    }
    // The cap is shared by the ruleset's allocations in order: later ones get what is left.
    let left = ruleset.pointsCap;
    let capped = false;
    for (const p of pending) {
      const points = left === null ? p.points : min(p.points, left);
      if (points !== p.points) capped = true;
      if (left !== null) left = left - points > ZERO ? left - points : ZERO;
      allocations.push({ ...p.outcome, points: formatFixed(points), uncappedPoints: formatFixed(p.points) });
    }
    rulesets.push({ name: ruleset.name, inScope: true, capped, conditions });
  }
  return { activity: event.activity, rulesets, allocations, actions };
}

/** Compiles and evaluates in one go, with the explain trace: what the simulator wants. */
export function simulateWorkflow(document: WorkflowDocument, schema: Schema, event: WorkflowEvent): WorkflowOutcome & { problems: readonly ExpressionProblem[] } {
  const workflow = compileWorkflow(document, schema);
  return { ...evaluateWorkflow(workflow, event, { explain: true }), problems: workflow.problems };
}

/** Conditions saved through the API always get ids; an unsaved editor document may lack them. */
function fallbackId(activity: number, ruleset: number, condition: number): string {
  return `a${activity}r${ruleset}c${condition}`;
}

function outOfScope(ruleset: CompiledRuleset, event: WorkflowEvent): string | null {
  const scope = ruleset.scope;
  if (!scope) return null;
  const day = event.eventDate.toISOString().slice(0, 10);
  if (scope.startDate && day < scope.startDate) return `The ruleset starts on ${scope.startDate}.`;
  if (scope.endDate && day > scope.endDate) return `The ruleset ended on ${scope.endDate}.`;
  if (scope.zoneCodes?.length && !scope.zoneCodes.includes(event.location?.zoneCode ?? "")) return `The event is not in zone ${scope.zoneCodes.join(", ")}.`;
  if (scope.storeCodes?.length && !scope.storeCodes.includes(event.location?.storeCode ?? "")) return `The event is not at store ${scope.storeCodes.join(", ")}.`;
  return null;
}
