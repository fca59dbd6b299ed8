import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listAuditEntries, listAuditFilterOptions, type AuditEntryRow } from "@/lib/org/audit-log";
import { formatUtc } from "@/lib/org/audit-log-format";
import { parseAuditQuery, type AuditFilters } from "@/lib/org/audit-log-schema";
import { AuditChanges } from "@/components/audit/audit-changes";
import { AuditFilterForm } from "./audit-filter-form";

export const metadata: Metadata = { title: "Audit log" };

const ACTOR_KIND = { USER: "User", API_CLIENT: "API client", SYSTEM: "System" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/audit", "audit:read");
  const { page, filters, errors } = parseAuditQuery(await searchParams);
  const [entries, options] = await Promise.all([
    listAuditEntries({ orgId: user.orgId, filters, page }),
    listAuditFilterOptions({ orgId: user.orgId }),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title="Audit log" description="Every configuration change in this org: who made it, what changed and when (times in UTC)." />
      <AuditFilterForm filters={filters} options={options} errors={errors} />
      {entries.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No entries match these filters" : "No changes recorded yet"}
          action={filtered ? <Link className="text-sm text-brand-700 underline" href="/settings/audit">Clear the filters</Link> : undefined}
        >
          {filtered ? "Widen the date range or pick another actor, action or entity." : "Changes to programs, settings, API clients and users will appear here."}
        </EmptyState>
      ) : (
        <DataTable
          caption="Audit log entries"
          columns={COLUMNS}
          rows={entries.rows}
          rowKey={(e) => e.id}
          url={{ path: "/settings/audit", params: urlParams(filters) }}
          paging={entries}
        />
      )}
    </>
  );
}

const COLUMNS: DataTableColumn<AuditEntryRow>[] = [
  {
    id: "at",
    header: "When (UTC)",
    meta: { className: "whitespace-nowrap" },
    cell: ({ row: { original: e } }) => <time dateTime={e.at.toISOString()}>{formatUtc(e.at)}</time>,
  },
  {
    id: "who",
    header: "Who",
    cell: ({ row: { original: e } }) => (
      <>
        <span className="font-medium">{e.actorLabel}</span>
        <span className="block text-xs text-slate-500">{ACTOR_KIND[e.actorType]}</span>
      </>
    ),
  },
  { id: "action", header: "Action", meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.action },
  {
    id: "entity",
    header: "Entity",
    cell: ({ row: { original: e } }) => (
      <>
        {e.entityType} <span className="text-slate-500">#{e.entityId}</span>
      </>
    ),
  },
  { id: "changes", header: "Changes", cell: ({ row: { original: e } }) => <AuditChanges before={e.before} after={e.after} /> },
];

/** The filters as URL parameters: the table's page links keep them. */
function urlParams(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
