"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateExtendedFieldSchema, type UpdateExtendedField, type UpdateExtendedFieldInput } from "@/lib/customers/extended-fields-schema";
import { updateExtendedFieldAction } from "./actions";
import { Textarea } from "@/components/ui/textarea";

/** The form that edits a field's description and (for list fields) allowed values, in its row. */
export function EditExtendedField({
  id,
  name,
  isList,
  description,
  allowedValues,
  onClose,
}: {
  id: number;
  name: string;
  isList: boolean;
  description: string;
  allowedValues: string[];
  onClose: () => void;
}) {
  const initial: UpdateExtendedFieldInput = { id, description, allowedValues: allowedValues.join("\n") };
  const form = useForm<UpdateExtendedFieldInput, unknown, UpdateExtendedField>({ resolver: zodResolver(updateExtendedFieldSchema), defaultValues: initial });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  return (
    <form
      noValidate
      aria-label={`Edit ${name}`}
      onSubmit={form.handleSubmit(async (values) => {
        const saved = await submit(() => updateExtendedFieldAction(values), `${name} saved`);
        if (saved) onClose();
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
          <Button variant="secondary" size="sm" onClick={() => { form.reset(initial); onClose(); }}>
            Cancel
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
