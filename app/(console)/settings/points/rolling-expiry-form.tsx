"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  ROLLING_EVENTS,
  singleRollingExpirySchema,
  type SingleRollingExpiry,
  type SingleRollingExpiryInput,
} from "@/lib/org/rolling-expiry-schema";
import { updateSingleRollingExpiryAction } from "./actions";
import { Select } from "@/components/ui/select";

export function RollingExpiryForm({ value, canWrite }: { value: SingleRollingExpiry; canWrite: boolean }) {
  const form = useForm<SingleRollingExpiryInput, unknown, SingleRollingExpiry>({
    resolver: zodResolver(singleRollingExpirySchema),
    defaultValues: { enabled: value.enabled, period: value.period === null ? "" : String(value.period), unit: value.unit, events: value.events },
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const eventsError = errors.events?.message ?? errors.events?.root?.message;

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Single Rolling Expiry</h2>
      {canWrite ? null : <p className="mt-1 text-sm text-amber-800">You can read this setting; only an admin can change it.</p>}
      <form
        noValidate
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const saved = await submit(() => updateSingleRollingExpiryAction(values), "Single Rolling Expiry saved");
          if (saved) form.reset(form.getValues());
        })}
      >
        <fieldset disabled={!canWrite || isSubmitting} className="space-y-5">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" {...form.register("enabled")} className="h-4 w-4" />
            Enable Single Rolling Expiry across programs
          </label>
          <div className="flex flex-wrap items-start gap-3">
            <div className="w-40">
              <Field label="Rolling period" error={errors.period?.message} hint="1–3650 days or 1–120 months.">
                {(props) => <Input {...props} {...form.register("period")} type="number" inputMode="numeric" min={1} step={1} />}
              </Field>
            </div>
            <div className="w-40">
              <Field label="Unit" error={errors.unit?.message}>
                {(props) => (
                  <Select {...props} {...form.register("unit")}>
                    <option value="DAYS">Days</option>
                    <option value="MONTHS">Months</option>
                  </Select>
                )}
              </Field>
            </div>
          </div>
          <fieldset aria-describedby="events-message">
            <legend className="text-sm font-medium text-slate-700">Events that roll points</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {ROLLING_EVENTS.map((e) => (
                <label key={e.code} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
                  <input type="checkbox" value={e.code} {...form.register("events")} className="mt-1" aria-invalid={Boolean(eventsError)} />
                  <span>
                    {e.label} <code className="block text-xs text-slate-500">{e.code}</code>
                  </span>
                </label>
              ))}
            </div>
            <p id="events-message" aria-live="polite" className="mt-1 text-sm text-red-600">
              {eventsError}
            </p>
          </fieldset>
          {canWrite ? <Button type="submit">{isSubmitting ? "Saving…" : "Save"}</Button> : null}
        </fieldset>
      </form>
    </Card>
  );
}
