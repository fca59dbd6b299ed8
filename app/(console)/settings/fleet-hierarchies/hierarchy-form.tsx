"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createFleetHierarchySchema, MAX_ROLES, ROLE_PERMISSION_CODES, type FleetHierarchyRequest } from "@/lib/groups/fleet-schema";
import { createFleetHierarchyAction, updateFleetHierarchyAction } from "./actions";
import { RoleChainPreview } from "./role-chain-preview";

type Role = NonNullable<FleetHierarchyRequest["roles"]>[number];
type Values = FleetHierarchyRequest;

const NEW_ROLE: Role = { code: "", name: "", childRoleCode: null, maxChild: null, pointsAggregationRole: false, permissions: [] };
export const EMPTY_HIERARCHY: Values = {
  code: "", name: "", description: "",
  isAutoGroupCreationEnabled: true, isHierarchyCreationStrict: true, isSkipRoleAllowed: false, isDefault: false, isActive: true,
  roles: [
    { ...NEW_ROLE, code: "Owner", name: "Fleet owner", childRoleCode: "Driver", maxChild: 50, pointsAggregationRole: true },
    { ...NEW_ROLE, code: "Driver", name: "Driver", permissions: [{ permissionCode: "block_points_redemption", permissionValue: true }, { permissionCode: "block_points_transfer", permissionValue: true }] },
  ],
};

const FLAGS = [
  { name: "isAutoGroupCreationEnabled", label: "Create the owner's group automatically", hint: "Assigning the aggregation role creates the company's group; roles below join it." },
  { name: "isHierarchyCreationStrict", label: "Strict hierarchy", hint: "Members follow the exact role sequence: a driver needs an owner." },
  { name: "isSkipRoleAllowed", label: "Roles may be skipped", hint: "A parent may hold any role above, e.g. a distributor directly over store owners." },
  { name: "isDefault", label: "Default hierarchy", hint: "One per org; making this the default takes it from the current one." },
  { name: "isActive", label: "Active", hint: "An inactive hierarchy takes no associations." },
] as const;

/**
 * Create or edit a fleet hierarchy with its role chain. It validates with the API's own schema
 * (createFleetHierarchySchema): a chain error (a cycle, a missing child cap, …) shows on the role
 * field it belongs to, with the vendor's message.
 */
export function HierarchyForm({ id, defaultValues, canWrite }: { id?: number; defaultValues: Values; canWrite: boolean }) {
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(createFleetHierarchySchema) as never, defaultValues, mode: "onSubmit" });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  const roles = useFieldArray({ control: form.control, name: "roles" });
  const watched = useWatch({ control: form.control, name: "roles" }) ?? [];
  const codes = watched.map((r) => r?.code ?? "").filter(Boolean);
  const rolesError = (errors.roles as { message?: string; root?: { message?: string } } | undefined);

  return (
    <form
      noValidate
      aria-label={id ? "Edit fleet hierarchy" : "New fleet hierarchy"}
      onSubmit={form.handleSubmit(async () => {
        // The action parses the raw values with the same schema; send them as typed, not the parsed output.
        const raw = form.getValues();
        const done = id
          ? await submit(() => updateFleetHierarchyAction({ ...raw, id }), `Hierarchy ${raw.code} saved`)
          : await submit(() => createFleetHierarchyAction(raw), `Hierarchy ${raw.code} created`);
        if (done && !id) router.push(`/settings/fleet-hierarchies/${done.id}`);
      })}
    >
      <fieldset disabled={isSubmitting || !canWrite} className="space-y-6">
        <Card className="grid gap-4 p-5 md:grid-cols-3">
          <Field label="Code" error={errors.code?.message} hint="Unique in the org, e.g. FLEET_HIER_001. Customers' associationDetails name it.">
            {(props) => <Input {...props} {...form.register("code")} autoComplete="off" spellCheck={false} maxLength={50} />}
          </Field>
          <Field label="Name" error={errors.name?.message}>
            {(props) => <Input {...props} {...form.register("name")} maxLength={100} />}
          </Field>
          <Field label="Description" error={errors.description?.message}>
            {(props) => <Input {...props} {...form.register("description")} maxLength={500} />}
          </Field>
          <div className="grid gap-3 md:col-span-3 md:grid-cols-2">
            {FLAGS.map((flag) => {
              const error = (errors as FieldErrors<Record<string, boolean>>)[flag.name]?.message;
              return (
                <label key={flag.name} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" {...form.register(flag.name)} aria-invalid={Boolean(error)} aria-describedby={`${flag.name}-msg`} />
                  <span>
                    <span className="font-medium text-slate-800">{flag.label}</span>
                    <span id={`${flag.name}-msg`} aria-live="polite" className={error ? "block text-red-600" : "block text-xs text-slate-500"}>
                      {error ?? flag.hint}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </Card>

        <section aria-labelledby="roles-heading" className="space-y-3">
          <div className="flex items-end justify-between">
            <div>
              <h2 id="roles-heading" className="text-lg font-semibold">Role chain</h2>
              <p className="text-sm text-slate-600">2 to {MAX_ROLES} roles, top first. Each role but the last names its child role and how many children one holder may have.</p>
            </div>
            <RoleChainPreview roles={watched} />
          </div>
          {rolesError?.message || rolesError?.root?.message ? (
            <p role="alert" className="text-sm text-red-600">{rolesError.message ?? rolesError.root?.message}</p>
          ) : null}
          <ol className="space-y-3">
            {roles.fields.map((field, i) => {
              const e = errors.roles?.[i];
              const others = codes.filter((c) => c !== watched[i]?.code);
              return (
                <li key={field.id}>
                  <Card className="p-4" aria-label={`Role ${i + 1}`} role="group">
                    <div className="grid gap-3 md:grid-cols-4">
                      <Field label={`Role ${i + 1} code`} error={e?.code?.message}>
                        {(props) => <Input {...props} {...form.register(`roles.${i}.code`)} autoComplete="off" spellCheck={false} maxLength={50} />}
                      </Field>
                      <Field label={`Role ${i + 1} name`} error={e?.name?.message}>
                        {(props) => <Input {...props} {...form.register(`roles.${i}.name`)} maxLength={100} />}
                      </Field>
                      <Field label={`Role ${i + 1} child role`} error={e?.childRoleCode?.message} hint="None for the bottom role.">
                        {(props) => (
                          <Select {...props} {...form.register(`roles.${i}.childRoleCode`, { setValueAs: (v: string | null) => (v ? v : null) })}>
                            <option value="">None (bottom role)</option>
                            {[...new Set([...others, watched[i]?.childRoleCode ?? ""])].filter(Boolean).map((c) => (
                              <option key={c} value={c}>{c}</option>
                            ))}
                          </Select>
                        )}
                      </Field>
                      <Field label={`Role ${i + 1} max children`} error={e?.maxChild?.message} hint="Per holder of this role; up to 30,000.">
                        {(props) => (
                          <Input {...props} type="number" min={0} inputMode="numeric" {...form.register(`roles.${i}.maxChild`, { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) })} />
                        )}
                      </Field>
                    </div>
                    <div className="mt-3 flex flex-wrap items-start gap-6 text-sm">
                      <label className="flex items-center gap-2">
                        <input type="checkbox" {...form.register(`roles.${i}.pointsAggregationRole`)} />
                        Aggregation role (group owner)
                      </label>
                      {e?.pointsAggregationRole?.message ? <span className="text-red-600" role="alert">{e.pointsAggregationRole.message}</span> : null}
                      <Controller
                        control={form.control}
                        name={`roles.${i}.permissions`}
                        render={({ field: perms }) => (
                          <fieldset className="flex flex-wrap gap-3">
                            <legend className="sr-only">Role {i + 1} permissions</legend>
                            {ROLE_PERMISSION_CODES.map((code) => {
                              const list = perms.value ?? [];
                              const on = list.some((p) => p.permissionCode === code && p.permissionValue !== false);
                              return (
                                <label key={code} className="flex items-center gap-1 font-mono text-xs">
                                  <input
                                    type="checkbox"
                                    checked={on}
                                    onChange={(ev) =>
                                      perms.onChange(ev.target.checked ? [...list, { permissionCode: code, permissionValue: true }] : list.filter((p) => p.permissionCode !== code))
                                    }
                                  />
                                  {code}
                                </label>
                              );
                            })}
                          </fieldset>
                        )}
                      />
                    </div>
                    <div className="mt-3 flex gap-2">
                      <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => roles.move(i, i - 1)} aria-label={`Move role ${i + 1} up`}>↑</Button>
                      <Button size="sm" variant="ghost" disabled={i === roles.fields.length - 1} onClick={() => roles.move(i, i + 1)} aria-label={`Move role ${i + 1} down`}>↓</Button>
                      <Button size="sm" variant="ghost" onClick={() => roles.remove(i)} aria-label={`Remove role ${i + 1}`}>Remove</Button>
                    </div>
                  </Card>
                </li>
              );
            })}
          </ol>
          {roles.fields.length < MAX_ROLES ? (
            <Button variant="secondary" onClick={() => roles.append({ ...NEW_ROLE })}>Add role</Button>
          ) : null}
        </section>

        {canWrite ? (
          <div className="flex gap-2">
            <Button type="submit">{isSubmitting ? "Saving…" : id ? "Save hierarchy" : "Create hierarchy"}</Button>
            <Link href="/settings/fleet-hierarchies" className="inline-flex h-9 items-center rounded-md border border-slate-300 px-4 text-sm">Cancel</Link>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
