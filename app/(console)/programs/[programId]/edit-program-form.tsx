"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NAME_RULE_HINT, updateProgramSchema, type UpdateProgramInput } from "@/lib/programs/schema";
import { updateProgramAction } from "../actions";
import { Textarea } from "@/components/ui/textarea";

/** Edit program: name and description only; entity mappings are fixed once saved (SPEC §6). */
export function EditProgramForm({ programId, name, description }: { programId: number; name: string; description: string }) {
  const [editing, setEditing] = useState(false);
  const form = useForm<UpdateProgramInput, unknown, z.output<typeof updateProgramSchema>>({
    resolver: zodResolver(updateProgramSchema),
    defaultValues: { programId, name, description },
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  if (!editing) {
    return (
      <Button
        variant="secondary"
        onClick={() => {
          form.reset({ programId, name, description });
          setEditing(true);
        }}
      >
        Edit program
      </Button>
    );
  }
  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await submit(() => updateProgramAction(values), "Program saved");
    if (saved) setEditing(false);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit program" className="w-full max-w-xl space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <fieldset disabled={isSubmitting} className="space-y-4">
        <Field label="Program name" error={errors.name?.message} hint={NAME_RULE_HINT}>
          {(props) => <Input {...props} {...form.register("name")} autoComplete="off" autoFocus />}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(props) => (
            <Textarea
              {...props}
              {...form.register("description")}
              rows={3} />
          )}
        </Field>
        <div className="flex gap-2">
          <Button type="submit">{isSubmitting ? "Saving…" : "Save changes"}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              form.reset({ programId, name, description });
              setEditing(false);
            }}
          >
            Cancel
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
