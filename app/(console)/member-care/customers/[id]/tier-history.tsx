import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { tierHistory } from "@/lib/tiers/queries";

type Row = Awaited<ReturnType<typeof tierHistory>>[number];

const CAUSE: Record<string, string> = { STRATEGY: "Tier rules", MANUAL: "Manual", WORKFLOW: "Workflow", SCHEDULE: "Validity ended", GROUP_SYNC: "Group primary" };
const ACTION: Record<string, string> = { UPGRADE: "Upgrade", DOWNGRADE: "Downgrade", RENEWAL: "Renewal", EXTEND_CURRENT_TIER_EXPIRY_DATE: "Expiry extended" };

const COLUMNS: DataTableColumn<Row>[] = [
  { id: "at", header: "When (UTC)", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <time dateTime={row.original.at.toISOString()}>{formatDateTime(row.original.at)}</time> },
  { id: "action", header: "Change", cell: ({ row }) => <Badge tone={row.original.action === "DOWNGRADE" ? "warning" : "success"}>{ACTION[row.original.action] ?? row.original.action}</Badge> },
  { id: "tiers", header: "Tier", cell: ({ row: { original: r } }) => <>{r.from ? `${r.from.name} → ` : ""}{r.to?.name ?? "—"}</> },
  { id: "expires", header: "Until", cell: ({ row }) => (row.original.expiresAt ? formatDate(row.original.expiresAt) : "Never") },
  { id: "cause", header: "Cause", cell: ({ row }) => CAUSE[row.original.cause] ?? row.original.cause },
  { id: "reason", header: "Reason", cell: ({ row }) => row.original.reason },
];

/** A customer's tier changes in one program, newest first: what moved them, and why (SPEC §7). */
export async function TierHistory({ orgId, customerId, programId }: { orgId: number; customerId: number; programId: number }) {
  const rows = await tierHistory({ orgId, customerId, programId });
  return (
    <section aria-labelledby="tier-history-heading">
      <h2 id="tier-history-heading" className="mb-2 text-lg font-semibold">Tier history</h2>
      <DataTable caption="Tier history" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} empty="No tier changes in this program yet." />
    </section>
  );
}
