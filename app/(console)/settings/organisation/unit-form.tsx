"use client";

import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { Select } from "@/components/ui/select";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action";
import type { UnitChoice } from "@/lib/programs/org-structure/queries";
import {
  CODE_MAX,
  cardSeriesInputSchema,
  conceptInputSchema,
  NAME_MAX,
  PREFIX_MAX,
  storeInputSchema,
  tillInputSchema,
  zoneInputSchema,
  type OrgUnitFormValues,
  type OrgUnitKind,
} from "@/lib/programs/org-structure/schema";

export type Choices = { zones: UnitChoice[]; concepts: UnitChoice[]; stores: UnitChoice[] };

export const EMPTY_UNIT: OrgUnitFormValues = { code: "", name: "", prefix: "", zoneId: "", conceptId: "", storeId: "" };

const SCHEMAS = { zone: zoneInputSchema, concept: conceptInputSchema, cardSeries: cardSeriesInputSchema, store: storeInputSchema, till: tillInputSchema };

// The server's own schema for the kind checks the form before it is sent; the values stay text
// (what inputs and selects hold) and the action parses them again, so neither side trusts the other.
function resolverFor(kind: OrgUnitKind): Resolver<OrgUnitFormValues> {
  return async (values) => {
    const parsed = SCHEMAS[kind].safeParse(values);
    if (parsed.success) return { values, errors: {} };
    const errors: FieldErrors<OrgUnitFormValues> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof OrgUnitFormValues;
      errors[field] ??= { type: "validation", message: issue.message };
    }
    return { values: {}, errors };
  };
}

export function UnitForm({
  kind,
  choices,
  defaultValues,
  submitLabel,
  pendingLabel,
  success,
  run,
  onDone,
  onCancel,
}: {
  kind: OrgUnitKind;
  choices: Choices;
  defaultValues: OrgUnitFormValues;
  submitLabel: string;
  pendingLabel: string;
  success: string;
  run: (values: OrgUnitFormValues) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useForm<OrgUnitFormValues>({ resolver: resolverFor(kind), defaultValues });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  // Only active parents are offered, plus the one the unit already hangs from (an edit keeps it).
  const offer = (list: UnitChoice[], current: string) => list.filter((c) => c.active || String(c.id) === current);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        const done = await submit(() => run(values), success);
        if (done) onDone();
      })}
    >
      <fieldset disabled={isSubmitting} className="grid gap-4 md:grid-cols-2">
        <Field label="Code" error={errors.code?.message} hint={`Unique in this org. Letters, digits, - and _; up to ${CODE_MAX}. Saved in capitals.`}>
          {(props) => <Input {...props} {...form.register("code")} autoComplete="off" className="font-mono uppercase" maxLength={CODE_MAX + 10} />}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(props) => <Input {...props} {...form.register("name")} autoComplete="off" maxLength={NAME_MAX + 20} />}
        </Field>
        {kind === "cardSeries" ? (
          <Field label="Card number prefix (optional)" error={errors.prefix?.message} hint="Digits that this series' card numbers start with.">
            {(props) => <Input {...props} {...form.register("prefix")} inputMode="numeric" autoComplete="off" maxLength={PREFIX_MAX + 5} />}
          </Field>
        ) : null}
        {kind === "store" ? (
          <>
            <Field label="Zone" error={errors.zoneId?.message} hint={choices.zones.some((z) => z.active) ? undefined : "Create a zone first."}>
              {(props) => (
                <Select {...props} {...form.register("zoneId")}>
                  <option value="">Choose a zone</option>
                  {offer(choices.zones, defaultValues.zoneId).map((z) => (
                    <option key={z.id} value={String(z.id)}>
                      {z.code} · {z.name}
                      {z.active ? "" : " (deactivated)"}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Concept" error={errors.conceptId?.message} hint={choices.concepts.some((c) => c.active) ? undefined : "Create a concept first."}>
              {(props) => (
                <Select {...props} {...form.register("conceptId")}>
                  <option value="">Choose a concept</option>
                  {offer(choices.concepts, defaultValues.conceptId).map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {c.code} · {c.name}
                      {c.active ? "" : " (deactivated)"}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </>
        ) : null}
        {kind === "till" ? (
          <Field label="Store" error={errors.storeId?.message} hint={choices.stores.some((s) => s.active) ? undefined : "Create a store first."}>
            {(props) => (
              <Select {...props} {...form.register("storeId")}>
                <option value="">Choose a store</option>
                {offer(choices.stores, defaultValues.storeId).map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.code} · {s.name}
                    {s.active ? "" : " (deactivated)"}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <div className="flex gap-2 md:col-span-2">
          <Button type="submit">{isSubmitting ? pendingLabel : submitLabel}</Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
