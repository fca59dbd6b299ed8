"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CreatePanel, FormActions } from "@/components/forms/create-panel";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { memberCareTierAdjustmentSchema, TIER_ACTION_LABELS, type MemberCareTierAdjustment, type MemberCareTierAdjustmentInput } from "@/lib/tiers/member-care-schema";
import { SLAB_ACTIONS } from "@/lib/tiers/schema";
import { adjustTierAction } from "./actions";

type Ladder = { programId: number; programName: string; tiers: { number: number; name: string }[] };

/**
 * Tier adjustment (MEMBER_CARE, ADMIN): upgrade or downgrade to a named tier, renew the current
 * one or extend its expiry, for a number of days or to a date, with a required reason. The rule
 * is the API's manualSlabAdjustment (lib/tiers); its refusals land on the field they are about.
 * Like the points form, it makes an idempotency key when it opens and sends it with every submit
 * of it, so a double click adjusts once; a new key comes with each answer.
 */
export function AdjustTierForm({ customerId, ladders }: { customerId: number; ladders: Ladder[] }) {
  const [open, setOpen] = useState(false);
  const first = ladders[0]!;
  const empty = (): MemberCareTierAdjustmentInput => ({
    customerId, programId: first.programId, slabAction: "UPGRADE", toSlabName: "", manualSlabActionValidity: "FIXED_DURATION", manualSlabActionValidityUpto: "365", reason: "", idempotencyKey: crypto.randomUUID(),
  });
  const [initial] = useState(empty);
  const form = useForm<MemberCareTierAdjustmentInput, unknown, MemberCareTierAdjustment>({ resolver: zodResolver(memberCareTierAdjustmentSchema), defaultValues: initial });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const programId = Number(useWatch({ control: form.control, name: "programId" }));
  const action = useWatch({ control: form.control, name: "slabAction" });
  const validity = useWatch({ control: form.control, name: "manualSlabActionValidity" });
  const ladder = ladders.find((l) => l.programId === programId) ?? first;
  const movesTier = action === "UPGRADE" || action === "DOWNGRADE";
  const close = () => {
    form.reset(empty());
    setOpen(false);
  };

  return (
    <CreatePanel open={open} onOpen={() => setOpen(true)} label="Adjust tier" title="Adjust tier"
      intro="Moves the customer to another tier, or renews or extends the current one. The reason is kept in the tier history and the audit log.">
      <form
        noValidate
        aria-label="Adjust tier"
        className="mt-4"
        onSubmit={form.handleSubmit(async (values) => {
          const data = await submit(() => adjustTierAction(values), "Tier adjusted");
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
                {ladders.map((l) => (
                  <option key={l.programId} value={l.programId}>{l.programName}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Action" error={errors.slabAction?.message}>
            {(props) => (
              <Select {...props} {...form.register("slabAction")}>
                {SLAB_ACTIONS.map((a) => (
                  <option key={a} value={a}>{TIER_ACTION_LABELS[a]}</option>
                ))}
              </Select>
            )}
          </Field>
          {movesTier ? (
            <Field label="To tier" error={errors.toSlabName?.message}>
              {(props) => (
                <Select {...props} {...form.register("toSlabName")}>
                  <option value="">Choose a tier</option>
                  {ladder.tiers.map((t) => (
                    <option key={t.number} value={t.name}>{t.name}</option>
                  ))}
                </Select>
              )}
            </Field>
          ) : <div />}
          <Field label="Validity" error={errors.manualSlabActionValidity?.message}>
            {(props) => (
              <Select {...props} {...form.register("manualSlabActionValidity", { onChange: (e: React.ChangeEvent<HTMLSelectElement>) => form.setValue("manualSlabActionValidityUpto", e.target.value === "FIXED_DATE" ? "" : "365") })}>
                <option value="FIXED_DURATION">A number of days from today</option>
                <option value="FIXED_DATE">Until a date</option>
              </Select>
            )}
          </Field>
          <Field label={validity === "FIXED_DATE" ? "Valid until" : "Days"} error={errors.manualSlabActionValidityUpto?.message}
            hint={validity === "FIXED_DATE" ? "The tier lasts to the end of that day (UTC)." : "The base tier never expires; this applies to the others."}>
            {(props) => <Input {...props} {...form.register("manualSlabActionValidityUpto")} type={validity === "FIXED_DATE" ? "date" : "number"} min={validity === "FIXED_DATE" ? undefined : 1} />}
          </Field>
          <div className="md:col-span-3">
            <Field label="Reason" error={errors.reason?.message} hint="Shown in the tier history and the audit log.">
              {(props) => <Textarea {...props} {...form.register("reason")} rows={2} maxLength={500} />}
            </Field>
          </div>
          <FormActions submitting={isSubmitting} submitLabel="Adjust tier" busyLabel="Adjusting…" className="md:col-span-3" onCancel={close} />
        </fieldset>
      </form>
    </CreatePanel>
  );
}
