"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { EntityPicker, type EntityOption } from "@/components/programs/entity-picker";
import { Button } from "@/components/ui/button";
import { addProgramEntitiesSchema, ENTITY_LABELS, type AddProgramEntitiesInput, type MlpEntityType } from "@/lib/programs/schema";
import { addProgramEntitiesAction } from "../actions";

/** Adds unmapped entities to a program (seed 003 forbids changing a mapping, not adding one). */
export function AddEntitiesForm({ programId, mlpType, options }: { programId: number; mlpType: MlpEntityType; options: EntityOption[] }) {
  const [open, setOpen] = useState(false);
  const empty = { programId, entityIds: [] };
  const form = useForm<AddProgramEntitiesInput, unknown, z.output<typeof addProgramEntitiesSchema>>({
    resolver: zodResolver(addProgramEntitiesSchema),
    defaultValues: empty,
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const labels = ENTITY_LABELS[mlpType];

  if (!open) {
    return (
      <Button variant="secondary" className="mt-3" onClick={() => setOpen(true)} disabled={!options.some((o) => !o.mappedTo)}>
        Add {labels.many.toLowerCase()}
      </Button>
    );
  }
  return (
    <form
      noValidate
      aria-label={`Add ${labels.many.toLowerCase()}`}
      className="mt-4 space-y-3"
      onSubmit={form.handleSubmit(async (values) => {
        const added = await submit(() => addProgramEntitiesAction(values), `${labels.many} added`);
        if (added) {
          form.reset(empty);
          setOpen(false);
        }
      })}
    >
      <fieldset disabled={isSubmitting} className="space-y-3">
        <Controller
          control={form.control}
          name="entityIds"
          render={({ field }) => (
            <EntityPicker label={`${labels.many} to add`} entityLabel={labels.one} options={options} value={field.value} onChange={field.onChange} error={errors.entityIds?.message} />
          )}
        />
        <FormActions submitting={isSubmitting} submitLabel={`Add ${labels.many.toLowerCase()}`} busyLabel="Adding…" onCancel={() => { form.reset(empty); setOpen(false); }} />
      </fieldset>
    </form>
  );
}
