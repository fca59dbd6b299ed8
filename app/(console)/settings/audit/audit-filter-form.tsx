import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { AuditFilters } from "@/lib/org/audit-log-schema";

const CONTROL = "block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm aria-[invalid=true]:border-red-500";

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared,
 * and it works before any JavaScript loads. Applying a filter starts again at page 1.
 */
export function AuditFilterForm({
  filters,
  options,
  errors,
}: {
  filters: AuditFilters;
  options: { actors: string[]; actions: string[]; entityTypes: string[] };
  errors: { to?: string };
}) {
  return (
    <Card className="mb-4 p-4">
      <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="grid items-end gap-3 md:grid-cols-6">
        <Select id="filter-actor" name="actor" label="Who" value={filters.actor} values={options.actors} all="Anyone" />
        <Select id="filter-action" name="action" label="Action" value={filters.action} values={options.actions} all="Any action" />
        <Select id="filter-entity" name="entityType" label="Entity" value={filters.entityType} values={options.entityTypes} all="Any entity" />
        <div className="space-y-1">
          <label htmlFor="filter-from" className="block text-sm font-medium text-slate-700">From (UTC)</label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} className={CONTROL} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-to" className="block text-sm font-medium text-slate-700">To (UTC)</label>
          <input
            id="filter-to"
            type="date"
            name="to"
            defaultValue={filters.to ?? ""}
            aria-invalid={Boolean(errors.to)}
            aria-describedby={errors.to ? "filter-to-error" : undefined}
            className={CONTROL}
          />
          {errors.to ? (
            <p id="filter-to-error" role="alert" className="text-sm text-red-600">
              {errors.to}
            </p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <Button type="submit">Apply</Button>
          <Link href="/settings/audit" className="inline-flex h-9 items-center rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100">
            Clear
          </Link>
        </div>
      </form>
    </Card>
  );
}

function Select({ id, name, label, value, values, all }: { id: string; name: string; label: string; value: string | undefined; values: string[]; all: string }) {
  // Keep a filter from the URL selectable even if no entry carries it any more.
  const choices = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{all}</option>
        {choices.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
