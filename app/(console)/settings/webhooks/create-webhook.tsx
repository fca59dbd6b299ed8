"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CopyButton } from "@/components/forms/copy-button";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { OUR_EVENTS, VENDOR_EVENTS } from "@/lib/webhooks/events";
import { webhookFormSchema } from "@/lib/webhooks/schema";
import { createWebhookAction } from "./actions";

type FormIn = z.input<typeof webhookFormSchema>;
type FormOut = z.output<typeof webhookFormSchema>;

/** Subscribe a URL to events; the signing secret is shown once, after saving. */
export function CreateWebhook() {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(webhookFormSchema), defaultValues: { name: "", url: "", events: [], headerLines: "" } });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  if (created) {
    return (
      <section aria-labelledby="webhook-secret" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-5">
        <h2 id="webhook-secret" className="text-base font-semibold text-amber-900">{created.name}: copy the signing secret now</h2>
        <p role="alert" className="mt-1 text-sm text-amber-900">You will not see it again. Receivers use it to check the X-Loyalty-Signature header of each delivery.</p>
        <div className="mt-3 flex items-center gap-2">
          <code data-testid="webhook-secret" className="rounded bg-white px-2 py-1 font-mono text-xs break-all">{created.secret}</code>
          <CopyButton value={created.secret} label="Signing secret" />
        </div>
        <Button className="mt-4" onClick={() => setCreated(null)}>I have stored the secret</Button>
      </section>
    );
  }
  const eventBox = (name: string) => (
    <label key={name} className="flex items-center gap-2 text-sm">
      <input type="checkbox" value={name} {...form.register("events")} className="h-4 w-4" />
      {name}
    </label>
  );
  return (
    <Card className="mb-6 p-5">
      <form
        noValidate
        aria-label="New webhook"
        onSubmit={form.handleSubmit(async (values) => {
          const done = await submit(() => createWebhookAction(values), `Webhook ${values.name} created`);
          if (done) {
            form.reset();
            setCreated({ name: done.name, secret: done.secret });
          }
        })}
      >
        <h2 className="text-base font-semibold">New webhook</h2>
        <fieldset disabled={isSubmitting} className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field label="Name" error={errors.name?.message}>{(p) => <Input {...p} {...form.register("name")} />}</Field>
          <Field label="URL" error={errors.url?.message} hint="http or https; private addresses only when the org's setting allows them.">
            {(p) => <Input {...p} {...form.register("url")} placeholder="https://example.com/loyalty-events" />}
          </Field>
          <fieldset className="sm:col-span-2" aria-describedby="events-error">
            <legend className="text-sm font-medium text-slate-700">Events</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-4">{VENDOR_EVENTS.map(eventBox)}{OUR_EVENTS.map(eventBox)}</div>
            <p id="events-error" aria-live="polite" className="text-sm text-red-600">{errors.events?.message ?? errors.events?.root?.message}</p>
          </fieldset>
          <Field label="Custom headers" error={errors.headerLines?.message} hint="One per line, Name: value (e.g. client-key: abc). Sent with every delivery.">
            {(p) => <Textarea {...p} {...form.register("headerLines")} rows={3} />}
          </Field>
        </fieldset>
        <Button type="submit" className="mt-4" disabled={isSubmitting}>{isSubmitting ? "Creating…" : "Create webhook"}</Button>
      </form>
    </Card>
  );
}
