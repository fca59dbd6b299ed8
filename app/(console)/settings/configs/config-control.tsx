"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { CONFIG_REGISTRY, sameConfigValue, type ConfigKey } from "@/lib/org/config-registry";
import { updateConfigAction } from "./actions";

type Draft = boolean | string;

/**
 * One config: its control, description and default, and a Save that validates with the
 * registry's schema here and again on the server (lib/org/configs).
 */
export function ConfigControl({ configKey, value, isDefault, canWrite }: { configKey: ConfigKey; value: unknown; isDefault: boolean; canWrite: boolean }) {
  const def = CONFIG_REGISTRY[configKey];
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(toDraft(value));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = !sameConfigValue(fromDraft(draft, def.type), value);
  const messageId = `${id}-message`;
  const descriptionId = `${id}-description`;

  const save = () => {
    setError(null);
    const parsed = def.schema.safeParse(fromDraft(draft, def.type));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "That value is not allowed.");
      return;
    }
    startTransition(async () => {
      const result = await updateConfigAction({ key: configKey, value: parsed.data });
      if (!result.ok) {
        // A refused switch goes back to what is saved: the switch must never show a state the
        // org does not have. (A typed value stays, so it can be corrected.)
        if (def.type === "boolean") setDraft(toDraft(value));
        setError(result.error.fieldErrors?.value ?? result.error.message);
        if (!result.error.fieldErrors?.value) toast.error(result.error.message);
        return;
      }
      toast.success(`${def.label} saved`);
      router.refresh();
    });
  };

  const common = {
    id,
    disabled: !canWrite || pending,
    "aria-invalid": Boolean(error),
    "aria-describedby": `${descriptionId}${error ? ` ${messageId}` : ""}`,
  };

  return (
    <form
      noValidate
      className="flex flex-wrap items-start justify-between gap-4 p-4"
      data-config={configKey}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="max-w-2xl flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={id} className="font-medium text-slate-900">
            {def.label}
          </label>
          {isDefault ? <Badge>default</Badge> : <Badge tone="info">changed</Badge>}
        </div>
        <code className="text-xs text-slate-500">{configKey}</code>
        <p id={descriptionId} className="mt-1 text-sm text-slate-600">
          {def.description} <span className="text-slate-500">Default: {formatDefault(def.default, def.options)}.</span>
        </p>
      </div>
      <div className="flex min-w-56 flex-col items-end gap-1">
        <div className="flex items-center gap-2">
          {def.type === "boolean" ? (
            <input
              {...common}
              type="checkbox"
              role="switch"
              aria-checked={draft === true}
              checked={draft === true}
              onChange={(e) => setDraft(e.target.checked)}
              className="h-5 w-9 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:block before:h-4 before:w-4 before:translate-x-0.5 before:rounded-full before:bg-white before:transition-transform checked:bg-brand-600 checked:before:translate-x-4 disabled:cursor-not-allowed disabled:opacity-60"
            />
          ) : def.type === "enum" ? (
            <select
              {...common}
              value={String(draft)}
              onChange={(e) => setDraft(e.target.value)}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500"
            >
              {(def.options ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <Input {...common} type="number" inputMode="numeric" step={1} min={1} className="w-32" value={String(draft)} onChange={(e) => setDraft(e.target.value)} />
          )}
          {canWrite ? (
            <Button type="submit" size="sm" variant="secondary" disabled={pending || !changed} aria-label={`Save ${def.label}`}>
              {pending ? "Saving…" : "Save"}
            </Button>
          ) : null}
        </div>
        {def.type === "boolean" ? <span className="text-xs text-slate-500">{draft === true ? "On" : "Off"}</span> : null}
        <p id={messageId} aria-live="polite" className="max-w-64 text-right text-sm text-red-600">
          {error}
        </p>
      </div>
    </form>
  );
}

function toDraft(value: unknown): Draft {
  return typeof value === "boolean" ? value : String(value ?? "");
}

function fromDraft(draft: Draft, type: string): unknown {
  if (type === "integer" && typeof draft === "string" && /^\s*-?\d+\s*$/.test(draft)) return Number(draft);
  return draft;
}

function formatDefault(value: unknown, options?: readonly { value: string; label: string }[]): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") return value.toLocaleString("en-US");
  return options?.find((o) => o.value === value)?.label ?? String(value);
}
