"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import type { Schema } from "@/lib/expr";
import { addCondition, duplicateCondition, moveCondition, newCondition, removeCondition, replaceCondition } from "@/lib/workflows/document-ops";
import type { Ruleset } from "@/lib/workflows/schema";
import { ConditionCard } from "./condition-card";

// A ruleset (SPEC §5.1): its name, optional points cap, and its ordered conditions.

export function RulesetEditor({ ruleset, index, schema, readOnly, onChange, onDelete }: { ruleset: Ruleset; index: number; schema: Schema; readOnly: boolean; onChange: (r: Ruleset) => void; onDelete: () => void }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = ruleset.conditions.map((c, i) => c.id ?? `new-${index}-${i}`);
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    onChange(moveCondition(ruleset, ids.indexOf(String(e.active.id)), ids.indexOf(String(e.over.id))));
  };
  const label = ruleset.name || `Ruleset ${index + 1}`;
  return (
    <section aria-label={`Ruleset ${label}`} className="rounded-lg border border-slate-200 bg-slate-50/50 p-4">
      <div className="flex flex-wrap items-end gap-3">
        {readOnly ? (
          <h3 className="text-base font-semibold text-slate-900">Ruleset {ruleset.name}</h3>
        ) : (
          <>
            <label className="text-sm">
              <span className="block text-xs font-medium text-slate-600">Ruleset name</span>
              <Input value={ruleset.name} onChange={(e) => onChange({ ...ruleset, name: e.target.value })} className="h-8 w-56" />
            </label>
            <label className="text-sm">
              <span className="block text-xs font-medium text-slate-600">Points cap per event (optional)</span>
              <Input
                type="number"
                min={0}
                value={ruleset.pointsCap?.points ?? ""}
                onChange={(e) => {
                  const { pointsCap: _cap, ...rest } = ruleset;
                  onChange(e.target.value === "" ? rest : { ...rest, pointsCap: { points: Number(e.target.value) } });
                }}
                className="h-8 w-40"
              />
            </label>
          </>
        )}
        {readOnly && ruleset.pointsCap ? <span className="text-sm text-slate-600">Capped at {ruleset.pointsCap.points} points per event</span> : null}
        {readOnly ? null : (
          <ConfirmDialog
            title={`Delete ruleset ${label}?`}
            body={`Its ${ruleset.conditions.length} condition(s) leave the draft when you save.`}
            confirmLabel="Delete ruleset"
            onConfirm={onDelete}
            trigger={(open) => (
              <Button variant="ghost" size="sm" className="ml-auto text-red-700" onClick={open}>
                Delete ruleset
              </Button>
            )}
          />
        )}
      </div>
      {ruleset.conditions.length === 0 ? <p className="mt-3 text-sm text-slate-500">No conditions yet. Add one: it runs its actions when its expression is true or false.</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol aria-label={`Conditions of ${label}`} className="mt-3 space-y-3">
            {ruleset.conditions.map((c, i) => (
              <ConditionCard
                key={ids[i]}
                sortId={ids[i]!}
                condition={c}
                index={i}
                count={ruleset.conditions.length}
                schema={schema}
                readOnly={readOnly}
                onChange={(next) => onChange(replaceCondition(ruleset, i, next))}
                onMove={(to) => onChange(moveCondition(ruleset, i, to))}
                onDuplicate={() => onChange(duplicateCondition(ruleset, i))}
                onDelete={() => onChange(removeCondition(ruleset, i))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {readOnly ? null : (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => onChange(addCondition(ruleset, newCondition(`Condition ${ruleset.conditions.length + 1}`)))}>
          Add condition
        </Button>
      )}
    </section>
  );
}
