"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit, useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { tierInputSchema, type TierInput } from "@/lib/tiers/schema";
import { createTierAction, deleteTierAction, updateTierAction } from "./actions";

export type TierRow = { id: number; number: number; name: string; threshold: number; renewalThreshold: number | null; description: string; members: number };

const amount = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });

/** The program's tiers, lowest first: add one on top, edit any, remove the top one while nobody holds it. */
export function TierLadder({ programId, tiers, basisLabel, canWrite }: { programId: number; tiers: TierRow[]; basisLabel: string; canWrite: boolean }) {
  const [editing, setEditing] = useState<number | null>(null);
  const run = useRunAction();
  const top = tiers.at(-1);
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tiers</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Number</th>
            <th scope="col" className="px-4 py-2">Tier</th>
            <th scope="col" className="px-4 py-2 text-right">Upgrade at ({basisLabel})</th>
            <th scope="col" className="px-4 py-2 text-right">Keep with</th>
            <th scope="col" className="px-4 py-2 text-right">Members</th>
            {canWrite ? <th scope="col" className="px-4 py-2 text-right">Actions</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tiers.map((tier) =>
            editing === tier.id ? (
              <tr key={tier.id}>
                <td colSpan={6} className="px-4 py-3">
                  <TierForm programId={programId} tier={tier} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={tier.id}>
                <td className="px-4 py-2 tabular-nums">{tier.number}</td>
                <td className="px-4 py-2">
                  <span className="font-medium">{tier.name}</span>
                  {tier.description ? <span className="block text-xs text-slate-500">{tier.description}</span> : null}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{amount.format(tier.threshold)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{tier.number === 1 ? "Never expires" : amount.format(tier.renewalThreshold ?? tier.threshold)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{tier.members}</td>
                {canWrite ? (
                  <td className="px-4 py-2 text-right">
                    <div className="flex justify-end gap-2">
                      <Button size="sm" variant="secondary" onClick={() => setEditing(tier.id)} aria-label={`Edit ${tier.name}`}>
                        Edit
                      </Button>
                      {tier.id === top?.id && tiers.length > 1 ? (
                        <ConfirmDialog
                          title={`Remove ${tier.name}?`}
                          body={tier.members > 0 ? `${tier.members} member(s) hold ${tier.name}; move them first.` : `${tier.name} is removed from this program. Members can no longer reach it.`}
                          confirmLabel="Remove tier"
                          onConfirm={() => run(() => deleteTierAction({ programId, tierId: tier.id }), `${tier.name} removed`)}
                          trigger={(open) => (
                            <Button size="sm" variant="ghost" onClick={open} aria-label={`Remove ${tier.name}`}>
                              Remove
                            </Button>
                          )}
                        />
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {canWrite ? (
        <div className="border-t border-slate-200 p-4">
          <h3 className="text-sm font-semibold">Add a tier above {top?.name ?? "nothing yet"}</h3>
          <TierForm programId={programId} onDone={() => undefined} firstTier={tiers.length === 0} />
        </div>
      ) : null}
    </Card>
  );
}

type FormIn = z.input<typeof tierInputSchema>;

function TierForm({ programId, tier, onDone, firstTier = false }: { programId: number; tier?: TierRow; onDone: () => void; firstTier?: boolean }) {
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
