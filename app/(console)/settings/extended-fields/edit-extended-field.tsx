"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateExtendedFieldSchema, type UpdateExtendedField, type UpdateExtendedFieldInput } from "@/lib/customers/extended-fields-schema";
import { updateExtendedFieldAction } from "./actions";
import { Textarea } from "@/components/ui/textarea";

/** The description and (for list fields) allowed values, shown as text until Edit is pressed. */
export function EditExtendedField({ id, name, isList, description, allowedValues }: { id: number; name: string; isList: boolean; description: string; allowedValues: string[] }) {
  const [editing, setEditing] = useState(false);
  const initial: UpdateExtendedFieldInput = { id, description, allowedValues: allowedValues.join("\n") };
  const form = useForm<UpdateExtendedFieldInput, unknown, UpdateExtendedField>({ resolver: zodResolver(updateExtendedFieldSchema), defaultValues: initial });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  if (!editing) {
    return (
      <div className="flex items-start justify-between gap-2">
        <div>
          <p>{description || <span className="text-slate-400">No description</span>}</p>
          {isList ? <p className="mt-1 text-xs">Allowed: {allowedValues.join(" | ")}</p> : null}
        </div>
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${name}`}>
          Edit
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      aria-label={`Edit ${name}`}
      onSubmit={form.handleSubmit(async (values) => {
        const saved = await submit(() => updateExtendedFieldAction(values), `${name} saved`);
        if (saved) setEditing(false);
      })}
    >
      <fieldset disabled={isSubmitting} className="min-w-72 space-y-2">
        <Field label="Description" error={errors.description?.message}>
          {(props) => <Input {...props} {...form.register("description")} maxLength={520} />}
        </Field>
        {isList ? (
          <Field label="Allowed values" error={errors.allowedValues?.message} hint="One per line. Conditions comparing with a removed value get a warning.">
            {(props) => <Textarea {...props} {...form.register("allowedValues")} rows={3} />}
          </Field>
        ) : null}
        <p className="text-xs text-slate-500">The name and type stay as they are: conditions and API callers refer to them.</p>
        <div className="flex gap-2">
          <Button type="submit" size="sm">{isSubmitting ? "Saving…" : "Save"}</Button>
          <Button variant="secondary" size="sm" onClick={() => { form.reset(initial); setEditing(false); }}>
            Cancel
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
