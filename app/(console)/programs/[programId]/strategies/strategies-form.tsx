"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  ELIGIBILITY_BASES,
  ELIGIBILITY_LABELS,
  programStrategiesFormSchema,
  type ProgramStrategiesFormInput,
  type ProgramStrategiesUpdate,
} from "@/lib/programs/strategies/schema";
import { saveProgramStrategiesAction } from "./actions";

/** The Strategies tab: redemption strategy, worth of a point, default expiry, transfers. Read-only without programs:write. */
export function StrategiesForm({ values, canWrite }: { values: ProgramStrategiesFormInput; canWrite: boolean }) {
  const form = useForm<ProgramStrategiesFormInput, unknown, ProgramStrategiesUpdate>({
    resolver: zodResolver(programStrategiesFormSchema),
    defaultValues: values,
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const redemptionEnabled = useWatch({ control: form.control, name: "redemptionEnabled" });
  const eligibilityBasis = useWatch({ control: form.control, name: "eligibilityBasis" });
  const expiryType = useWatch({ control: form.control, name: "expiryType" });

  return (
    <form
      noValidate
      aria-label="Program strategies"
      onSubmit={form.handleSubmit(async () => {
        // The action parses the form's own values again (its transform gives the stored shapes).
        const saved = await submit(() => saveProgramStrategiesAction(form.getValues()), "Strategies saved");
        if (saved) form.reset(form.getValues());
      })}
    >
      {canWrite ? null : <p className="mb-4 text-sm text-amber-800">You can read these strategies; only an admin or a program manager can change them.</p>}
      <fieldset disabled={!canWrite || isSubmitting} className="space-y-6">
        <Card className="p-5">
          <h2 className="text-base font-semibold">Redemption strategy</h2>
          <p className="mt-1 text-sm text-slate-600">Without one, the program refuses every redemption.</p>
          <label className="mt-4 flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" {...form.register("redemptionEnabled")} className="h-4 w-4" />
            Points of this program can be redeemed
          </label>
          {redemptionEnabled ? (
            <div className="mt-4 grid gap-4 sm:grid-cols-3">
              <Field label="Minimum points to redeem" error={errors.minimumPoints?.message}>
                {(props) => <Input {...props} {...form.register("minimumPoints")} type="number" inputMode="numeric" min={1} step={1} />}
              </Field>
              <Field label="Redemption limit (per transaction)" error={errors.maximumPerTransaction?.message} hint="Empty: no limit.">
                {(props) => <Input {...props} {...form.register("maximumPerTransaction")} type="number" inputMode="numeric" min={1} step={1} />}
              </Field>
              <Field label="In multiples of" error={errors.multiplesOf?.message} hint="Empty: any whole number.">
                {(props) => <Input {...props} {...form.register("multiplesOf")} type="number" inputMode="numeric" min={1} step={1} />}
              </Field>
              <Field label="Eligibility based on" error={errors.eligibilityBasis?.message}>
                {(props) => (
                  <Select {...props} {...form.register("eligibilityBasis")}>
                    <option value="NONE">No eligibility rule</option>
                    {ELIGIBILITY_BASES.map((b) => (
                      <option key={b} value={b}>
                        {ELIGIBILITY_LABELS[b]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {eligibilityBasis !== "NONE" ? (
                <Field label="Required at least" error={errors.eligibilityThreshold?.message} hint="e.g. 150 lifetime points">
                  {(props) => <Input {...props} {...form.register("eligibilityThreshold")} type="number" inputMode="decimal" min={0} />}
                </Field>
              ) : null}
            </div>
          ) : null}
        </Card>

        <Card className="p-5">
          <h2 className="text-base font-semibold">How much is each point worth?</h2>
          <div className="mt-4 w-64">
            <Field label="Value of one point (base currency)" error={errors.pointsToCurrencyRatio?.message} hint="Up to 10 decimals; 0.1, 0.5 or 1 are simplest.">
              {(props) => <Input {...props} {...form.register("pointsToCurrencyRatio")} inputMode="decimal" autoComplete="off" />}
            </Field>
          </div>
        </Card>

        <Card className="p-5">
          <h2 className="text-base font-semibold">Default expiry</h2>
          <p className="mt-1 text-sm text-slate-600">What allocations whose expiry is “the program’s default” follow.</p>
          <div className="mt-4 flex flex-wrap items-start gap-3">
            <div className="w-64">
              <Field label="Points expire" error={errors.expiryType?.message}>
                {(props) => (
                  <Select {...props} {...form.register("expiryType")}>
                    <option value="NEVER">Never</option>
                    <option value="EVENT_DATE">A fixed validity after the event date</option>
                    <option value="ROLLING">Rolling expiry from the event date</option>
                  </Select>
                )}
              </Field>
            </div>
            {expiryType !== "NEVER" ? (
              <>
                <div className="w-32">
                  <Field label="Validity" error={errors.expiryValue?.message}>
                    {(props) => <Input {...props} {...form.register("expiryValue")} type="number" inputMode="numeric" min={1} step={1} />}
                  </Field>
                </div>
                <div className="w-32">
                  <Field label="Unit" error={errors.expiryUnit?.message}>
                    {(props) => (
                      <Select {...props} {...form.register("expiryUnit")}>
                        <option value="DAYS">Days</option>
                        <option value="MONTHS">Months</option>
                        <option value="YEARS">Years</option>
                      </Select>
                    )}
                  </Field>
                </div>
              </>
            ) : null}
          </div>
        </Card>

        <Card className="p-5">
          <h2 className="text-base font-semibold">Transfers</h2>
          <label className="mt-3 flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" {...form.register("transfersAllowed")} className="h-4 w-4" />
            Points of this program can be transferred between members and groups
          </label>
        </Card>

        {canWrite ? <Button type="submit">{isSubmitting ? "Saving…" : "Save strategies"}</Button> : null}
      </fieldset>
    </form>
  );
}
