"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useFieldArray, useForm, type FieldErrors, type Path } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  ACTION_LABEL,
  ACTION_TYPES,
  actionSchema,
  PERIOD_UNITS,
  POINTS_KINDS,
  PRORATE_ON,
  ROUNDINGS,
  USER_ENTITIES,
  type ActionType,
  type WorkflowAction,
} from "@/lib/workflows/schema";

// The action editor (issue 8): react-hook-form with the document's own zod schema (actionSchema),
// so the form refuses exactly what Save would.

type Values = z.input<typeof actionSchema>;
type AnyPath = Path<Values>;

export const NEW_ALLOCATION: WorkflowAction = {
  type: "TRANSACTION_POINT_ALLOCATION",
  userEntity: "INDIVIDUAL",
  allocation: { type: "PRORATED", percent: 10 },
  rounding: "FLOOR",
  pointsKind: "REGULAR",
  expiry: { type: "EVENT_DATE", value: 12, unit: "MONTHS" },
};

const DEFAULTS: Record<ActionType, WorkflowAction> = {
  TRANSACTION_POINT_ALLOCATION: NEW_ALLOCATION,
  REDEEM_GROUP_POINTS: { type: "REDEEM_GROUP_POINTS" },
  REDEEM_POINTS: { type: "REDEEM_POINTS" },
  TRANSFER_GROUP_POINTS: { type: "TRANSFER_GROUP_POINTS" },
  TRANSFER_POINTS: { type: "TRANSFER_POINTS" },
  UPGRADE_TIER: { type: "UPGRADE_TIER" },
  RENEW_TIER: { type: "RENEW_TIER" },
  SEND_WEBHOOK: { type: "SEND_WEBHOOK", event: "workflowEvent" },
};

const LABEL = {
  USER: { INDIVIDUAL: "Individual", USER_GROUP: "User Group" },
  ROUNDING: { ACTUAL: "Actual", FLOOR: "Floor", CEIL: "Ceil", ROUND: "Round" },
  KIND: { REGULAR: "Regular", PROMOTIONAL: "Promotional" },
  PRORATE: { EVENT_VALUE: "Event value (bill amount)", CURRENT_AGGREGATE: "Current aggregate (tracker)", PREVIOUS_AGGREGATE: "Previous aggregate (tracker)" },
} as const;

export function ActionForm({ initial, onSave, onCancel }: { initial: WorkflowAction; onSave: (action: WorkflowAction) => void; onCancel: () => void }) {
  const form = useForm<Values, unknown, WorkflowAction>({ resolver: zodResolver(actionSchema), defaultValues: initial as Values, mode: "onSubmit" });
  const { register, watch, setValue, handleSubmit, formState } = form;
  const type = watch("type");
  const allocationType = watch("allocation.type" as AnyPath) as string | undefined;
  const expiryType = watch("expiry.type" as AnyPath) as string | undefined;
  const tiers = useFieldArray({ control: form.control, name: "allocation.tiers" as never });
  const errors = formState.errors as FieldErrors<Record<string, unknown>>;
  const err = (path: string) => errorAt(errors, path);
  const num = (path: string) => register(path as AnyPath, { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.stopPropagation();
        void handleSubmit(onSave)(e);
      }}
      className="space-y-3"
      aria-label="Action details"
    >
      <Row label="Action" error={err("type")}>
        {(p) => (
          <Select {...p} value={type} onChange={(e) => form.reset(DEFAULTS[e.target.value as ActionType] as Values)}>
            {ACTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {ACTION_LABEL[t]}
              </option>
            ))}
          </Select>
        )}
      </Row>

      {type === "TRANSACTION_POINT_ALLOCATION" ? (
        <>
          <Row label="User entity" error={err("userEntity")}>
            {(p) => <Choice {...p} {...register("userEntity" as AnyPath)} values={USER_ENTITIES} labels={LABEL.USER} />}
          </Row>
          <Row label="Allocation" error={err("allocation")}>
            {(p) => (
              <Select
                {...p}
                value={allocationType}
                onChange={(e) => {
                  const t = e.target.value;
                  setValue("allocation" as AnyPath, (t === "FIXED" ? { type: "FIXED", points: 10 } : t === "PRORATED" ? { type: "PRORATED", percent: 10 } : { type: "PER_TIER", tiers: [{ tierNumber: 1, allocation: { type: "PRORATED", percent: 5 } }] }) as never);
                }}
              >
                <option value="PRORATED">Prorated (% of a value)</option>
                <option value="FIXED">Fixed points</option>
                <option value="PER_TIER">A value per tier</option>
              </Select>
            )}
          </Row>
          {allocationType === "FIXED" ? <Row label="Points" error={err("allocation.points")}>{(p) => <Input {...p} type="number" step="any" {...num("allocation.points")} />}</Row> : null}
          {allocationType === "PRORATED" ? (
            <>
              <Row label="Percent" error={err("allocation.percent")}>{(p) => <Input {...p} type="number" step="any" {...num("allocation.percent")} />}</Row>
              <Row label="Prorate on" error={err("allocation.prorateOn")}>
                {(p) => <Choice {...p} {...register("allocation.prorateOn" as AnyPath, { setValueAs: (v: unknown) => (v === "" ? undefined : v) })} values={PRORATE_ON} labels={LABEL.PRORATE} />}
              </Row>
            </>
          ) : null}
          {allocationType === "PER_TIER" ? (
            <fieldset className="space-y-2 rounded border border-slate-200 p-2">
              <legend className="px-1 text-xs font-medium text-slate-600">Per tier</legend>
              {tiers.fields.map((f, i) => (
                <div key={f.id} className="grid grid-cols-[5rem_8rem_1fr_auto] items-end gap-2">
                  <Row label="Tier" error={err(`allocation.tiers.${i}.tierNumber`)}>{(p) => <Input {...p} type="number" {...num(`allocation.tiers.${i}.tierNumber`)} />}</Row>
                  <Row label="Earns" error={undefined}>
                    {(p) => (
                      <Select {...p} {...register(`allocation.tiers.${i}.allocation.type` as AnyPath)}>
                        <option value="PRORATED">Percent</option>
                        <option value="FIXED">Points</option>
                      </Select>
                    )}
                  </Row>
                  {watch(`allocation.tiers.${i}.allocation.type` as AnyPath) === "FIXED" ? (
                    <Row label="Points" error={err(`allocation.tiers.${i}.allocation.points`)}>{(p) => <Input {...p} type="number" step="any" {...num(`allocation.tiers.${i}.allocation.points`)} />}</Row>
                  ) : (
                    <Row label="Percent" error={err(`allocation.tiers.${i}.allocation.percent`)}>{(p) => <Input {...p} type="number" step="any" {...num(`allocation.tiers.${i}.allocation.percent`)} />}</Row>
                  )}
                  <Button variant="ghost" size="sm" onClick={() => tiers.remove(i)} aria-label={`Remove tier line ${i + 1}`}>
                    ✕
                  </Button>
                </div>
              ))}
              <Button variant="secondary" size="sm" onClick={() => tiers.append({ tierNumber: tiers.fields.length + 1, allocation: { type: "PRORATED", percent: 5 } } as never)}>
                Add tier
              </Button>
              {err("allocation.tiers") ? <p className="text-sm text-red-600">{err("allocation.tiers")}</p> : null}
            </fieldset>
          ) : null}
          <Row label="Points rounding" error={err("rounding")}>{(p) => <Choice {...p} {...register("rounding" as AnyPath)} values={ROUNDINGS} labels={LABEL.ROUNDING} />}</Row>
          <Row label="Points kind" error={err("pointsKind")}>{(p) => <Choice {...p} {...register("pointsKind" as AnyPath)} values={POINTS_KINDS} labels={LABEL.KIND} />}</Row>
          <Row label="Expiry" error={err("expiry")}>
            {(p) => (
              <Select
                {...p}
                value={expiryType}
                onChange={(e) => {
                  const t = e.target.value;
                  setValue("expiry" as AnyPath, (t === "EVENT_DATE" || t === "ROLLING" ? { type: t, value: 12, unit: "MONTHS" } : { type: t }) as never);
                }}
              >
                <option value="EVENT_DATE">A validity after the event date</option>
                <option value="ROLLING">Rolling expiry from the event date</option>
                <option value="NEVER">Never expires</option>
                <option value="PROGRAM_DEFAULT">The program&apos;s default</option>
              </Select>
            )}
          </Row>
          {expiryType === "EVENT_DATE" || expiryType === "ROLLING" ? (
            <div className="grid grid-cols-2 gap-2">
              <Row label="Validity" error={err("expiry.value")}>{(p) => <Input {...p} type="number" {...num("expiry.value")} />}</Row>
              <Row label="Unit" error={err("expiry.unit")}>{(p) => <Choice {...p} {...register("expiry.unit" as AnyPath)} values={PERIOD_UNITS} labels={{ DAYS: "Days", MONTHS: "Months", YEARS: "Years" }} />}</Row>
            </div>
          ) : null}
        </>
      ) : null}
      {type === "UPGRADE_TIER" ? <Row label="To tier number (empty: next tier)" error={err("toTierNumber")}>{(p) => <Input {...p} type="number" {...num("toTierNumber")} />}</Row> : null}
      {type === "SEND_WEBHOOK" ? <Row label="Webhook event" error={err("event")}>{(p) => <Input {...p} {...register("event" as AnyPath)} />}</Row> : null}
      <Row label="Note (optional)" error={err("note")}>{(p) => <Input {...p} {...register("note" as AnyPath, { setValueAs: (v: unknown) => (v === "" ? undefined : v) })} />}</Row>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Save action</Button>
      </div>
    </form>
  );
}

function Row({ label, error, children }: { label: string; error: string | undefined; children: (p: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), ...(error ? { "aria-describedby": `${id}-e` } : {}) })}
      {error ? (
        <p id={`${id}-e`} aria-live="polite" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Choice<T extends string>({ values, labels, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { values: readonly T[]; labels: Record<T, string>; ref?: React.Ref<HTMLSelectElement> }) {
  return (
    <Select {...props}>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </Select>
  );
}

function errorAt(errors: FieldErrors<Record<string, unknown>>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}
