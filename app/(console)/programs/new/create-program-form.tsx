"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createProgramSchema, ENTITY_LABELS, NAME_RULE_HINT, type CreateProgramInput, type MlpEntityType } from "@/lib/programs/schema";
import { createProgramAction } from "../actions";
import { CheckboxGroup } from "./checkbox-group";
import { EntityPicker, type EntityOption } from "@/components/programs/entity-picker";
import { Textarea } from "@/components/ui/textarea";

export function CreateProgramForm({
  mlpType,
  entities,
  contributors,
}: {
  mlpType: MlpEntityType;
  entities: EntityOption[];
  contributors: { id: number; label: string }[];
}) {
  const router = useRouter();
  const form = useForm<CreateProgramInput, unknown, z.output<typeof createProgramSchema>>({
    resolver: zodResolver(createProgramSchema),
    defaultValues: { name: "", description: "", contributorIds: [], entityIds: [], active: false },
  });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const created = await submit(() => createProgramAction(values), `Program "${values.name}" created`);
    if (created) router.push(`/programs/${created.id}`);
  });

  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={isSubmitting} className="space-y-6">
          <Field label="Name" error={errors.name?.message} hint={`Up to 100 characters. ${NAME_RULE_HINT}`}>
            {(props) => <Input {...props} {...form.register("name")} autoComplete="off" />}
          </Field>
          <Field label="Description" error={errors.description?.message}>
            {(props) => (
              <Textarea
                {...props}
                {...form.register("description")}
                rows={3} />
            )}
          </Field>
          <Controller
            control={form.control}
            name="contributorIds"
            render={({ field }) => (
              <CheckboxGroup
                legend="Contributors"
                hint="Console users who manage this program and are told when it is reconfigured."
                options={contributors}
                value={field.value}
                onChange={field.onChange}
                error={errors.contributorIds?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="entityIds"
            render={({ field }) => (
              <EntityPicker
                label={ENTITY_LABELS[mlpType].many}
                entityLabel={ENTITY_LABELS[mlpType].one}
                options={entities}
                value={field.value}
                onChange={field.onChange}
                error={errors.entityIds?.message}
              />
            )}
          />
          <label className="flex items-center gap-3 text-sm font-medium text-slate-700">
            <input type="checkbox" role="switch" {...form.register("active")} className="h-4 w-4 accent-brand-600" />
            Activate program
          </label>
          <div className="flex gap-2">
            <Button type="submit">{isSubmitting ? "Saving…" : "Save"}</Button>
            <Link href="/programs" className={buttonVariants({ variant: "secondary" })}>
              Cancel
            </Link>
          </div>
        </fieldset>
      </form>
    </Card>
  );
}
