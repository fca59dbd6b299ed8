"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CreatePanel, FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { manualAdjustmentSchema } from "@/lib/engine/manual-adjustment-schema";
import { adjustPointsAction } from "./actions";

type FormInput = z.input<typeof manualAdjustmentSchema>;
type FormOutput = z.output<typeof manualAdjustmentSchema>;

/**
 * Manual points adjustment (MEMBER_CARE, ADMIN): a signed number of points in one program and a
 * required reason. The idempotency key is made when the form opens and sent with every submit of
 * it, so a double click or a retried request adjusts once; a new key comes with each answer.
 */
export function AdjustPointsForm({ customerId, programs, defaultProgramId }: { customerId: number; programs: { id: number; name: string }[]; defaultProgramId: number }) {
  const [open, setOpen] = useState(false);
  const empty = (): FormInput => ({ customerId, programId: defaultProgramId, points: "" as unknown as number, reason: "", idempotencyKey: crypto.randomUUID() });
  const [initial] = useState(empty);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(manualAdjustmentSchema), defaultValues: initial });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const close = () => {
    form.reset(empty());
    setOpen(false);
  };

  return (
    <CreatePanel open={open} onOpen={() => setOpen(true)} label="Adjust points" title="Adjust points"
      intro="Adds points (a positive number) or takes them away (a negative one). The reason is kept in the ledger and the audit log.">
      <form
        noValidate
        aria-label="Adjust points"
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const data = await submit(() => adjustPointsAction(values), "Points adjusted");
          // Whatever the answer, the next submit is a new request.
          form.setValue("idempotencyKey", crypto.randomUUID());
          if (data) close();
        })}
      >
        <input type="hidden" {...form.register("idempotencyKey")} />
        <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-3">
          <Field label="Program" error={errors.programId?.message}>
            {(props) => (
              <Select {...props} {...form.register("programId", { valueAsNumber: true })}>
                {programs.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Points" error={errors.points?.message} hint="Negative to take points away.">
            {(props) => <Input {...props} {...form.register("points")} type="number" step="any" inputMode="decimal" />}
          </Field>
          <div className="md:col-span-3">
            <Field label="Reason" error={errors.reason?.message} hint="Shown in the ledger and the audit log.">
              {(props) => <Textarea {...props} {...form.register("reason")} rows={2} maxLength={500} />}
            </Field>
          </div>
          <FormActions submitting={isSubmitting} submitLabel="Adjust points" busyLabel="Adjusting…" className="md:col-span-3" onCancel={close} />
        </fieldset>
      </form>
    </CreatePanel>
  );
}
