import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DATE_FORMAT_EXAMPLE, formatDate } from "@/lib/format/date";
import { auditActionLabel, auditEntityLabel } from "@/lib/org/audit-labels";
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
  errors: { from?: string; to?: string };
}) {
  return (
    <Card className="mb-4 p-4">
      <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="grid items-end gap-3 md:grid-cols-6">
        <Select id="filter-actor" name="actor" label="Who" value={filters.actor} values={options.actors} all="Anyone" />
        <Select id="filter-action" name="action" label="Action" value={filters.action} values={options.actions} all="Any action" labelOf={auditActionLabel} />
        <Select id="filter-entity" name="entityType" label="Entity" value={filters.entityType} values={options.entityTypes} all="Any entity" labelOf={auditEntityLabel} />
        <DateField id="filter-from" name="from" label="From (UTC)" value={filters.from} error={errors.from} />
        <DateField id="filter-to" name="to" label="To (UTC)" value={filters.to} error={errors.to} />
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

/**
 * A date in the console's own format ("12 Mar 2025"), typed: a native date input shows the
 * browser's locale format instead (03/12/2025 here, 12.03.2025 there), unlike every other date
 * on the screen.
 */
function DateField({ id, name, label, value, error }: { id: string; name: string; label: string; value: string | undefined; error: string | undefined }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="text"
        autoComplete="off"
        placeholder={DATE_FORMAT_EXAMPLE}
        defaultValue={value ? formatDate(`${value}T00:00:00Z`) : ""}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className={CONTROL}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Select({
  id,
  name,
  label,
  value,
  values,
  all,
  labelOf = (v) => v,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  values: string[];
  all: string;
  labelOf?: (value: string) => string;
}) {
  // Keep a filter from the URL selectable even if no entry carries it any more.
  const choices = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{all}</option>
        {choices.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
