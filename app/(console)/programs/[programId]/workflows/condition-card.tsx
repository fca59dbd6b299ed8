"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { check, lineColumnAt, type Schema } from "@/lib/expr";
import { describeAction } from "@/lib/workflows/action-summary";
import type { WorkflowAction, WorkflowCondition } from "@/lib/workflows/schema";
import { ActionDialog } from "./action-dialog";
import { NEW_ALLOCATION } from "./action-form";
import { ExpressionEditor } from "./expression-editor";

// One condition (SPEC §5.1): its name, its expression, and the actions run when it is true and
// when it is false. Reordered by dragging the handle, by the handle's keyboard (Space, arrows,
// Space) or by the Move up / Move down buttons.

type Props = {
  condition: WorkflowCondition;
  sortId: string;
  index: number;
  count: number;
  schema: Schema;
  readOnly: boolean;
  onChange: (c: WorkflowCondition) => void;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onDelete: () => void;
};

export function ConditionCard({ condition, sortId, index, count, schema, readOnly, onChange, onMove, onDuplicate, onDelete }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: sortId, disabled: readOnly });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const checked = useMemo(() => check(condition.expression, schema), [condition.expression, schema]);
  const problems = checked.diagnostics;
  const label = condition.name || `Condition ${index + 1}`;

  return (
    <li ref={setNodeRef} style={style} aria-label={`Condition ${label}`} className={`rounded-lg border bg-white p-4 shadow-sm ${isDragging ? "z-10 border-brand-400 opacity-80" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        {readOnly ? null : (
          <button
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Reorder ${label}`}
            className="cursor-grab rounded px-1.5 py-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            ⠿
          </button>
        )}
        <span className="text-xs font-medium text-slate-500">#{index + 1}</span>
        {readOnly ? (
          <h4 className="font-medium text-slate-900">{condition.name}</h4>
        ) : (
          <Input aria-label="Condition name" value={condition.name} onChange={(e) => onChange({ ...condition, name: e.target.value })} className="h-8 max-w-xs" />
        )}
        {problems.some((p) => p.severity === "error") ? <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">Has errors</span> : null}
        {readOnly ? null : (
          <div className="ml-auto flex gap-1">
            <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${label} up`}>
              ↑
            </Button>
            <Button variant="ghost" size="sm" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${label} down`}>
              ↓
            </Button>
            <Button variant="ghost" size="sm" onClick={onDuplicate}>
              Duplicate
            </Button>
            <ConfirmDialog
              title={`Delete ${label}?`}
              body="The condition and its actions leave the draft when you save. The LIVE version is not affected until you publish."
              confirmLabel="Delete condition"
              onConfirm={onDelete}
              trigger={(open) => (
                <Button variant="ghost" size="sm" className="text-red-700" onClick={open}>
                  Delete
                </Button>
              )}
            />
          </div>
        )}
      </div>
      <div className="mt-3">
        <ExpressionEditor value={condition.expression} onChange={(expression) => onChange({ ...condition, expression })} schema={schema} readOnly={readOnly} label={`Expression of ${label}`} />
        {problems.length > 0 ? (
          <ul aria-label={`Problems in ${label}`} className="mt-1 space-y-0.5 text-xs">
            {problems.map((d, i) => {
              const at = lineColumnAt(condition.expression, d.range.start);
              return (
                <li key={i} className={d.severity === "error" ? "text-red-700" : "text-amber-700"}>
                  Line {at.line}, column {at.column}: {d.message}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Branch title="When the expression is true" actions={condition.whenTrue} readOnly={readOnly} onChange={(whenTrue) => onChange({ ...condition, whenTrue })} />
        <Branch title="When the expression is false" actions={condition.whenFalse} readOnly={readOnly} onChange={(whenFalse) => onChange({ ...condition, whenFalse })} />
      </div>
    </li>
  );
}

function Branch({ title, actions, readOnly, onChange }: { title: string; actions: readonly WorkflowAction[]; readOnly: boolean; onChange: (a: WorkflowAction[]) => void }) {
  return (
    <section aria-label={title} className="rounded-md bg-slate-50 p-3">
      <h5 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h5>
      {actions.length === 0 ? <p className="mt-1 text-sm text-slate-500">No actions.</p> : null}
      <ul className="mt-1 space-y-1">
        {actions.map((a, i) => (
          <li key={i} className="flex items-start gap-2 text-sm">
            <span className="flex-1 text-slate-800">{describeAction(a)}</span>
            {readOnly ? null : (
              <>
                <ActionDialog
                  title="Edit action"
                  initial={a}
                  onSave={(next) => onChange(actions.map((x, j) => (j === i ? next : x)))}
                  trigger={(open) => (
                    <Button variant="ghost" size="sm" onClick={open}>
                      Edit
                    </Button>
                  )}
                />
                <Button variant="ghost" size="sm" className="text-red-700" aria-label="Remove action" onClick={() => onChange(actions.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <ActionDialog
          title="Add action"
          initial={NEW_ALLOCATION}
          onSave={(next) => onChange([...actions, next])}
          trigger={(open) => (
            <Button variant="secondary" size="sm" className="mt-2" onClick={open}>
              Add action
            </Button>
          )}
        />
      )}
    </section>
  );
}
