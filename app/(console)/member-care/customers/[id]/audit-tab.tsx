import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { auditActionLabel } from "@/lib/org/audit-labels";
import { listAuditEntries, type AuditEntryRow } from "@/lib/org/audit-log";
import { formatDateTime } from "@/lib/format/date";
import type { SearchParamsRecord } from "@/lib/pagination";
import { AuditChanges } from "@/components/audit/audit-changes";

const COLUMNS: DataTableColumn<AuditEntryRow>[] = [
  { id: "at", header: "When (UTC)", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <time dateTime={row.original.at.toISOString()}>{formatDateTime(row.original.at, { seconds: true })}</time> },
  { id: "who", header: "Who", meta: { className: "font-medium" }, cell: ({ row }) => row.original.actorLabel },
  // The org's audit log's words (lib/org/audit-labels), with the stored code on hover.
  { id: "action", header: "Action", cell: ({ row }) => <span title={row.original.action}>{auditActionLabel(row.original.action)}</span> },
  { id: "changes", header: "Changes", cell: ({ row }) => <AuditChanges before={row.original.before} after={row.original.after} /> },
];

/** The Audit tab: what agents and systems changed on this customer (adjustments, identifiers, profile). */
export async function AuditTab({ orgId, customerId, page, params }: { orgId: number; customerId: number; page: number; params: SearchParamsRecord }) {
  const entries = await listAuditEntries({ orgId, filters: {}, entity: { type: "Customer", id: customerId }, page });
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="mb-2 text-lg font-semibold">Audit</h2>
      <DataTable
        caption="Customer audit log"
        columns={COLUMNS}
        rows={entries.rows}
        rowKey={(e) => e.id}
        url={{ path: `/member-care/customers/${customerId}`, params, key: "audit" }}
        paging={entries}
        empty="Nothing has been changed on this customer by hand."
      />
    </section>
  );
}
