"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  conditionReference,
  createExtendedFieldSchema,
  FIELD_NAME,
  FIELD_SCOPES,
  FIELD_TYPES,
  SCOPE_LABELS,
  TYPE_LABELS,
  type CreateExtendedField,
  type CreateExtendedFieldInput,
} from "@/lib/customers/extended-fields-schema";
import { createExtendedFieldAction } from "./actions";

const EMPTY: CreateExtendedFieldInput = { scope: "TRANSACTION", name: "", type: "STRING", description: "", allowedValues: "" };
const SELECT = "block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm";

export function CreateExtendedField() {
  const [open, setOpen] = useState(false);
  const form = useForm<CreateExtendedFieldInput, unknown, CreateExtendedField>({ resolver: zodResolver(createExtendedFieldSchema), defaultValues: EMPTY });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const [scope, type, name] = useWatch({ control: form.control, name: ["scope", "type", "name"] });

  if (!open) {
    return (
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setOpen(true)}>New extended field</Button>
      </div>
    );
  }
  return (
    <Card className="mb-6 p-5">
      <h2 className="text-base font-semibold">New extended field</h2>
      <form
        noValidate
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const created = await submit(() => createExtendedFieldAction(values), `Field ${values.name} created`);
          if (created) {
            form.reset(EMPTY);
            setOpen(false);
          }
        })}
      >
        <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
          <Field label="Scope" error={errors.scope?.message} hint="What carries the field.">
            {(props) => (
              <select {...props} {...form.register("scope")} className={SELECT}>
                {FIELD_SCOPES.map((s) => (
                  <option key={s} value={s}>{SCOPE_LABELS[s]}</option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Name"
            error={errors.name?.message}
            hint={FIELD_NAME.test(name) ? `In a condition: ${conditionReference(scope, name)}` : "Lowercase letters, digits and _, e.g. member_card_swiped."}
          >
            {(props) => <Input {...props} {...form.register("name")} autoComplete="off" spellCheck={false} maxLength={60} />}
          </Field>
          <Field label="Type" error={errors.type?.message} hint="Fixed once created.">
            {(props) => (
              <select {...props} {...form.register("type")} className={SELECT}>
                {FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>{TYPE_LABELS[t]}</option>
                ))}
              </select>
            )}
          </Field>
          {type === "ENUM" ? (
            <div className="md:col-span-3">
              <Field label="Allowed values" error={errors.allowedValues?.message} hint="One per line (or separated by commas).">
                {(props) => <textarea {...props} {...form.register("allowedValues")} rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500" />}
              </Field>
            </div>
          ) : null}
          <div className="md:col-span-3">
            <Field label="Description" error={errors.description?.message} hint="What the field means and who sends it.">
              {(props) => <Input {...props} {...form.register("description")} maxLength={520} />}
            </Field>
          </div>
          <div className="flex gap-2 md:col-span-3">
            <Button type="submit">{isSubmitting ? "Creating…" : "Create field"}</Button>
            <Button variant="secondary" onClick={() => { form.reset(EMPTY); setOpen(false); }}>
              Cancel
            </Button>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
