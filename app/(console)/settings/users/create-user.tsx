"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CreatePanel, FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { createConsoleUserSchema } from "@/lib/org/users-schema";
import { createConsoleUserAction } from "./actions";
import { TemporaryPassword } from "./temporary-password";
import { Select } from "@/components/ui/select";

type FormInput = z.input<typeof createConsoleUserSchema>;
type FormOutput = z.output<typeof createConsoleUserSchema>;
const EMPTY: FormInput = { name: "", email: "", role: "VIEWER" };

export function CreateUser() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createConsoleUserSchema), defaultValues: EMPTY });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  if (created) {
    return (
      <div className="mb-6">
        <TemporaryPassword email={created.email} password={created.temporaryPassword} onDone={() => setCreated(null)} />
      </div>
    );
  }
  return (
    <CreatePanel open={open} onOpen={() => setOpen(true)} label="Add user" title="Add a console user"
      intro="We generate a temporary password and show it to you once, so that no password you chose ends up in someone else's account.">
      <form
        noValidate
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const data = await submit(() => createConsoleUserAction(values), "User added");
          if (data) {
            setCreated({ email: data.email, temporaryPassword: data.temporaryPassword });
            form.reset(EMPTY);
            setOpen(false);
          }
        })}
      >
        <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
          <Field label="Name" error={errors.name?.message}>
            {(props) => <Input {...props} {...form.register("name")} autoComplete="off" />}
          </Field>
          <Field label="Email" error={errors.email?.message} hint="Used to sign in; unique across all orgs.">
            {(props) => <Input {...props} {...form.register("email")} type="email" autoComplete="off" />}
          </Field>
          <Field label="Role" error={errors.role?.message}>
            {(props) => (
              <Select {...props} {...form.register("role")}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <FormActions submitting={isSubmitting} submitLabel="Add user" busyLabel="Adding…" className="md:col-span-3" onCancel={() => { form.reset(EMPTY); setOpen(false); }} />
        </fieldset>
      </form>
    </CreatePanel>
  );
}
