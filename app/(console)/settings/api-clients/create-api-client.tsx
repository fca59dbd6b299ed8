"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CreatePanel, FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { API_SCOPES } from "@/lib/auth/scopes";
import { createApiClientSchema } from "@/lib/org/api-clients-schema";
import { createApiClientAction } from "./actions";
import { SecretPanel } from "./secret-panel";
import { Select } from "@/components/ui/select";

type TillOption = { id: number; code: string; name: string; storeCode: string };
type FormInput = z.input<typeof createApiClientSchema>;
type FormOutput = z.output<typeof createApiClientSchema>;
type Created = { clientId: string; name: string; secret: string };

const EMPTY: FormInput = { name: "", tillId: "", scopes: [] };

export function CreateApiClient({ tills }: { tills: TillOption[] }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createApiClientSchema), defaultValues: EMPTY });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  if (created) return <SecretPanel {...created} onDone={() => setCreated(null)} />;
  return (
    <CreatePanel open={open} onOpen={() => setOpen(true)} label="New API client">
      <form
        noValidate
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const data = await submit(() => createApiClientAction(values), "API client created");
          if (data) {
            setCreated({ clientId: data.clientId, name: data.name, secret: data.secret });
            form.reset(EMPTY);
            setOpen(false);
          }
        })}
      >
        <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-2">
          <Field label="Name" error={errors.name?.message} hint="Which system and where, e.g. “Web shop” or “POS store 12”.">
            {(props) => <Input {...props} {...form.register("name")} autoComplete="off" maxLength={120} />}
          </Field>
          <Field label="Bound till" error={errors.tillId?.message} hint="A POS client is bound to its till: its transactions count for that till's store and programs. Leave an e-commerce site or CRM unbound: with no till, its events go to the default program only.">
            {(props) => (
              <Select {...props} {...form.register("tillId")}>
                <option value="">Not bound to a till</option>
                {tills.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.code} · {t.name} ({t.storeCode})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <fieldset className="md:col-span-2" aria-describedby="scopes-message">
            <legend className="text-sm font-medium text-slate-700">Scopes</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {API_SCOPES.map((s) => (
                <label key={s.scope} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
                  <input type="checkbox" value={s.scope} {...form.register("scopes")} className="mt-1" />
                  <span>
                    <span className="font-medium">{s.label}</span> <code className="text-xs text-slate-500">{s.scope}</code>
                    <span className="block text-slate-600">{s.description}</span>
                  </span>
                </label>
              ))}
            </div>
            <p id="scopes-message" aria-live="polite" className="mt-1 text-sm text-red-600">
              {errors.scopes?.message ?? errors.scopes?.root?.message}
            </p>
          </fieldset>
          <FormActions submitting={isSubmitting} submitLabel="Create client" busyLabel="Creating…" className="md:col-span-2" onCancel={() => { form.reset(EMPTY); setOpen(false); }} />
        </fieldset>
      </form>
    </CreatePanel>
  );
}
