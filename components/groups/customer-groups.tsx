import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { CustomerGroupRow } from "@/lib/groups/queries";

const COLUMNS: DataTableColumn<CustomerGroupRow>[] = [
  {
    id: "group",
    header: "Group",
    cell: ({ row: { original: g } }) => (
      <>
        <Link href={`/member-care/groups/${g.groupId}`} className="font-medium text-brand-700 hover:underline">{g.groupName || g.externalId}</Link>
        <div className="text-xs text-slate-500">{g.externalId} · {g.groupStatus}</div>
      </>
    ),
  },
  {
    id: "role",
    header: "Role",
    meta: { className: "space-x-1" },
    cell: ({ row: { original: g } }) => (
      <>
        <Badge tone={g.primaryMember ? "info" : "neutral"}>{g.primaryMember ? "Primary" : "Secondary"}</Badge>
        {g.defaultGroup && !g.exitedAt ? <Badge tone="success">Default group</Badge> : null}
      </>
    ),
  },
  { id: "permissions", header: "Permissions", meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.permissions.join(", ") || "—" },
  { id: "joined", header: "Joined", cell: ({ row }) => row.original.joinedAt.toISOString().slice(0, 10) },
  { id: "exited", header: "Exited", cell: ({ row }) => row.original.exitedAt?.toISOString().slice(0, 10) ?? "—" },
];

/** The groups section of a customer's page: every group they are or were in (listCustomerGroups). */
export function CustomerGroups({ groups }: { groups: CustomerGroupRow[] }) {
  return (
    <section aria-labelledby="customer-groups-heading">
      <h2 id="customer-groups-heading" className="mb-2 text-lg font-semibold">Groups</h2>
      {groups.length === 0 ? (
        <Card className="p-5 text-sm text-slate-600">Not a member of any group.</Card>
      ) : (
        <DataTable
          caption="Groups of this customer"
          columns={COLUMNS}
          rows={groups}
          rowKey={(g) => `${g.groupId}-${g.joinedAt.toISOString()}`}
          rowClassName={(g) => (g.exitedAt ? "text-slate-500" : undefined)}
        />
      )}
    </section>
  );
}
