"use client";

import { useId } from "react";

/** A labelled group of checkboxes holding a list of ids, with its error announced. */
export function CheckboxGroup({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  hint?: string;
  options: { id: number; label: string }[];
  value: number[];
  onChange: (next: number[]) => void;
  error?: string | undefined;
}) {
  const messageId = useId();
  return (
    <fieldset aria-describedby={messageId} className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">No active console users in this org yet.</p>
      ) : (
        <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {options.map((option) => (
            <li key={option.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={value.includes(option.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, option.id] : value.filter((id) => id !== option.id))}
                  className="h-4 w-4 accent-brand-600"
                />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p id={messageId} aria-live="polite" className={error ? "text-sm text-red-600" : "text-xs text-slate-500"}>
        {error ?? hint}
      </p>
    </fieldset>
  );
}
