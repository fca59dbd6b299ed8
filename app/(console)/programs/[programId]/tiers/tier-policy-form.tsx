"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { tierPolicySchema, type TierPolicyInput } from "@/lib/tiers/schema";
import { saveTierPolicyAction } from "./actions";

type FormIn = z.input<typeof tierPolicySchema>;

/** How this program's tiers work: what lifts a member, how long a tier lasts, what happens after. */
export function TierPolicyForm({ programId, policy, canWrite }: { programId: number; policy: TierPolicyInput; canWrite: boolean }) {
  const form = useForm<FormIn, unknown, TierPolicyInput>({
    resolver: zodResolver(tierPolicySchema),
    defaultValues: { ...policy, tierValidityMonths: policy.tierValidityMonths === null ? "" : policy.tierValidityMonths },
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <Card className="p-5">
      <form
        noValidate
        aria-label="Tier rules"
        onSubmit={form.handleSubmit(async (values) => {
          const saved = await submit(() => saveTierPolicyAction({ programId, ...values }), "Tier rules saved");
          if (saved) form.reset(form.getValues());
        })}
      >
        <h2 className="text-base font-semibold">Tier rules</h2>
        <p className="mt-1 text-sm text-slate-600">Members move up as soon as a transaction reaches a tier&apos;s threshold; renewals and downgrades happen when a tier&apos;s validity ends.</p>
        <fieldset disabled={!canWrite || isSubmitting} className="mt-4 grid gap-4 sm:grid-cols-3">
          <Field label="Tiers are measured on" error={errors.tierBasis?.message}>
            {(p) => (
              <Select {...p} {...form.register("tierBasis")}>
                <option value="LIFETIME_PURCHASES">Lifetime purchases</option>
                <option value="LIFETIME_POINTS">Lifetime points</option>
              </Select>
            )}
          </Field>
          <Field label="A tier lasts (months)" error={errors.tierValidityMonths?.message} hint="Empty: tiers never expire. The base tier never does.">
            {(p) => <Input {...p} {...form.register("tierValidityMonths")} type="number" inputMode="numeric" min={1} step={1} />}
          </Field>
          <Field label="When a tier's validity ends without its renewal value" error={errors.tierDowngradeRule?.message}>
            {(p) => (
              <Select {...p} {...form.register("tierDowngradeRule")}>
                <option value="ONE_TIER">Move down one tier</option>
                <option value="TO_QUALIFYING">Move to the tier the period&apos;s value qualifies for</option>
                <option value="NEVER">Keep the tier (renew it)</option>
              </Select>
            )}
          </Field>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800 sm:col-span-3">
            <input type="checkbox" {...form.register("tierSyncGroupMembers")} className="h-4 w-4" />
            Secondary members of a group follow the primary member&apos;s tier
          </label>
        </fieldset>
        {canWrite ? (
          <div className="mt-4">
            <Button type="submit" disabled={isSubmitting || !isDirty}>
              {isSubmitting ? "Saving…" : "Save tier rules"}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
