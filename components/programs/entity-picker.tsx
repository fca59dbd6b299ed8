"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/input";

export type EntityOption = { id: number; code: string; name: string; mappedTo: string | null };

/**
 * Select Entities (SPEC §6): the org's zones, concepts or card series, with a search box and a
 * ROOT option that selects every entity still free. An entity mapped to another program is shown
 * but cannot be chosen: it belongs to one non-default program only.
 */
export function EntityPicker({
  label,
  entityLabel,
  options,
  value,
  onChange,
  error,
}: {
  label: string;
  entityLabel: string;
  options: EntityOption[];
  value: number[];
  onChange: (next: number[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const free = options.filter((o) => !o.mappedTo);
  const allFree = free.length > 0 && free.every((o) => value.includes(o.id));
  const needle = query.trim().toLowerCase();
  const shown = needle ? options.filter((o) => `${o.name} ${o.code}`.toLowerCase().includes(needle)) : options;
  const toggle = (entityId: number, on: boolean) => onChange(on ? [...value, entityId] : value.filter((v) => v !== entityId));

  return (
    <fieldset aria-describedby={`${id}-message`} className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <label htmlFor={`${id}-search`} className="sr-only">
        Search {label.toLowerCase()}
      </label>
      <Input id={`${id}-search`} type="search" placeholder={`Search ${label.toLowerCase()}`} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="rounded-md border border-slate-200 p-2">
        <label className="flex items-center gap-2 border-b border-slate-100 pb-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={allFree}
            disabled={free.length === 0}
            onChange={(e) => onChange(e.target.checked ? free.map((o) => o.id) : [])}
            className="h-4 w-4 accent-brand-600"
          />
          ROOT (all {label.toLowerCase()} not yet mapped)
        </label>
        {shown.length === 0 ? (
          <p className="py-2 text-sm text-slate-500">{options.length === 0 ? `This org has no ${label.toLowerCase()} yet.` : "Nothing matches the search."}</p>
        ) : (
          <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto">
            {shown.map((option) => (
              <li key={option.id}>
                <label className={`flex items-center gap-2 text-sm ${option.mappedTo ? "text-slate-400" : ""}`}>
                  <input
                    type="checkbox"
                    checked={value.includes(option.id)}
                    disabled={Boolean(option.mappedTo)}
                    onChange={(e) => toggle(option.id, e.target.checked)}
                    className="h-4 w-4 accent-brand-600"
                  />
                  {option.name} <span className="text-xs text-slate-500">{option.code}</span>
                  {option.mappedTo ? (
                    <span className="text-xs">
                      — {entityLabel} {option.name} is already mapped to {option.mappedTo}
                    </span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={`${id}-message`} aria-live="polite" className={error ? "text-sm text-red-600" : "text-xs text-slate-500"}>
        {error ?? `${value.length} selected. A saved mapping is final: more entities can be added later, none moved or removed.`}
      </p>
    </fieldset>
  );
}
