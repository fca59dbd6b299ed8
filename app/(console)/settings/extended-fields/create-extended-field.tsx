"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CreatePanel, FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
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
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

const EMPTY: CreateExtendedFieldInput = { scope: "TRANSACTION", name: "", type: "STRING", description: "", allowedValues: "" };

export function CreateExtendedField() {
  const [open, setOpen] = useState(false);
  const form = useForm<CreateExtendedFieldInput, unknown, CreateExtendedField>({ resolver: zodResolver(createExtendedFieldSchema), defaultValues: EMPTY });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const [scope, type, name] = useWatch({ control: form.control, name: ["scope", "type", "name"] });

  return (
    <CreatePanel open={open} onOpen={() => setOpen(true)} label="New extended field">
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
              <Select {...props} {...form.register("scope")}>
                {FIELD_SCOPES.map((s) => (
                  <option key={s} value={s}>{SCOPE_LABELS[s]}</option>
                ))}
              </Select>
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
              <Select {...props} {...form.register("type")}>
                {FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>{TYPE_LABELS[t]}</option>
                ))}
              </Select>
            )}
          </Field>
          {type === "ENUM" ? (
            <div className="md:col-span-3">
              <Field label="Allowed values" error={errors.allowedValues?.message} hint="One per line (or separated by commas).">
                {(props) => <Textarea {...props} {...form.register("allowedValues")} rows={3} />}
              </Field>
            </div>
          ) : null}
          <div className="md:col-span-3">
            <Field label="Description" error={errors.description?.message} hint="What the field means and who sends it.">
              {(props) => <Input {...props} {...form.register("description")} maxLength={520} />}
            </Field>
          </div>
          <FormActions submitting={isSubmitting} submitLabel="Create field" busyLabel="Creating…" className="md:col-span-3" onCancel={() => { form.reset(EMPTY); setOpen(false); }} />
        </fieldset>
      </form>
    </CreatePanel>
  );
}
