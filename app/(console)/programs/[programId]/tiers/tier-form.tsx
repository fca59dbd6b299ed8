"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { tierInputSchema, type TierInput } from "@/lib/tiers/schema";
import { createTierAction, updateTierAction } from "./actions";
import type { TierRow } from "./tier-table";

// One tier's fields: adding a tier above the top one (below the table), or editing one (in its dialog).
type FormIn = z.input<typeof tierInputSchema>;

export function TierForm({ programId, tier, onDone, firstTier = false }: { programId: number; tier?: TierRow; onDone: () => void; firstTier?: boolean }) {
  const blank: FormIn = { name: "", threshold: firstTier ? 0 : "", renewalThreshold: "", description: "" };
  const form = useForm<FormIn, unknown, TierInput>({
    resolver: zodResolver(tierInputSchema),
    defaultValues: tier ? { name: tier.name, threshold: tier.threshold, renewalThreshold: tier.renewalThreshold ?? "", description: tier.description } : blank,
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      aria-label={tier ? `Edit ${tier.name}` : "Add a tier"}
      className="mt-2 grid items-start gap-3 sm:grid-cols-5"
      onSubmit={form.handleSubmit(async (values) => {
        const done = tier
          ? await submit(() => updateTierAction({ programId, tierId: tier.id, ...values }), `${values.name} saved`)
          : await submit(() => createTierAction({ programId, ...values }), `${values.name} added`);
        if (done) {
          form.reset(tier ? form.getValues() : blank);
          onDone();
        }
      })}
    >
      <Field label="Tier name" error={errors.name?.message}>
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
      <Field label="Upgrade threshold" error={errors.threshold?.message} hint={firstTier || tier?.number === 1 ? "Tier 1 starts at 0." : undefined}>
        {(p) => <Input {...p} {...form.register("threshold")} type="number" inputMode="decimal" min={0} />}
      </Field>
      <Field label="Renewal threshold" error={errors.renewalThreshold?.message} hint="Empty: the upgrade threshold.">
        {(p) => <Input {...p} {...form.register("renewalThreshold")} type="number" inputMode="decimal" min={0} />}
      </Field>
      <Field label="Description" error={errors.description?.message}>
        {(p) => <Input {...p} {...form.register("description")} />}
      </Field>
      <div className="flex gap-2 pt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : tier ? "Save tier" : "Add tier"}
        </Button>
        {tier ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
