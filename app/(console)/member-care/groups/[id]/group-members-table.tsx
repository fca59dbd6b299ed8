import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { MemberRow } from "@/lib/groups/queries";
import { tableHref, type Page, type SortDir, type TableUrl } from "@/lib/pagination";
import { cn } from "@/lib/utils";
import type { MemberStatusFilter } from "./members-query";
import { RemoveMemberButton } from "./remove-member-button";

/**
 * The group's members (SPEC §7): role, joined, exited, points contributed, permissions; current
 * ones by default, the exited ones on request (history is kept); paged and sorted on the server.
 */
export function GroupMembersTable({
  groupId, members, status, counts, sort, url, canWrite,
}: {
  groupId: number;
  members: Page<MemberRow>;
  status: MemberStatusFilter;
  counts: { current: number; exited: number };
  sort: { sort: string; dir: SortDir };
  url: TableUrl;
  canWrite: boolean;
}) {
  const filters: { value: MemberStatusFilter; label: string }[] = [
    { value: "current", label: `Active (${counts.current})` },
    { value: "exited", label: `Exited (${counts.exited})` },
    { value: "all", label: `All (${counts.current + counts.exited})` },
  ];
  const exportHref = `/member-care/groups/${groupId}/members.csv?${new URLSearchParams({ members: status, sort: sort.sort, dir: sort.dir })}`;
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Members shown" className="flex gap-1 text-sm">
          {filters.map((f) => (
            <Link
              key={f.value}
              href={tableHref({ ...url, params: { ...url.params, members: f.value === "current" ? undefined : f.value } }, { page: 1 })}
              aria-current={f.value === status ? "true" : undefined}
              className={cn("rounded-md px-3 py-1", f.value === status ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-200" : "text-slate-600 hover:bg-slate-100")}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <a href={exportHref} download className="text-sm font-medium text-brand-700 hover:underline">
          Export CSV
        </a>
      </div>
      <DataTable
        caption="Group members"
        columns={columnsFor(groupId, canWrite)}
        rows={members.rows}
        rowKey={(m) => `${m.userId}-${m.joinedAt.toISOString()}`}
        rowClassName={(m) => (m.status === "EXITED" ? "text-slate-500" : undefined)}
        url={url}
        sort={sort}
        paging={members}
        empty={status === "exited" ? "No member has left this group." : "No current members."}
      />
    </>
  );
}

function nameOf(m: MemberRow): string {
  return `${m.firstName} ${m.lastName}`.trim() || `Customer ${m.userId}`;
}

function columnsFor(groupId: number, canWrite: boolean): DataTableColumn<MemberRow>[] {
  const columns: DataTableColumn<MemberRow>[] = [
    {
      id: "id",
      header: "Member",
      enableSorting: true,
      cell: ({ row: { original: m } }) => (
        <>
          <Link href={`/member-care/customers/${m.userId}`} className="font-medium text-brand-700 hover:underline">{nameOf(m)}</Link>
          <div className="text-xs text-slate-500">{[m.mobile, m.email].filter(Boolean).join(" · ") || `id ${m.userId}`}</div>
        </>
      ),
    },
    {
      id: "role",
      header: "Role",
      enableSorting: true,
      sortDescFirst: true,
      meta: { className: "space-x-1" },
      cell: ({ row: { original: m } }) => (
        <>
          <Badge tone={m.role === "PRIMARY" ? "info" : "neutral"}>{m.role === "PRIMARY" ? "Primary" : "Secondary"}</Badge>
          {m.fleetRole ? <Badge>{m.fleetRole.code}</Badge> : null}
          {m.defaultGroup && m.status === "CURRENT" ? <Badge tone="success">Default group</Badge> : null}
          {m.status === "EXITED" ? <Badge>Exited</Badge> : null}
        </>
      ),
    },
    {
      id: "permissions",
      header: "Permissions",
      meta: { className: "font-mono text-xs" },
      cell: ({ row: { original: m } }) => (m.permissions.length > 0 ? m.permissions.join(", ") : <span className="font-sans text-slate-400">none</span>),
    },
    { id: "joined", header: "Joined", enableSorting: true, meta: { className: "whitespace-nowrap" }, cell: ({ row }) => row.original.joinedAt.toISOString().slice(0, 10) },
    { id: "exited", header: "Exited", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => row.original.exitedAt?.toISOString().slice(0, 10) ?? "—" },
    { id: "points", header: "Points contributed", meta: { align: "right" }, cell: ({ row }) => row.original.pointsContributed },
  ];
  if (!canWrite) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: "Actions",
      meta: { srOnlyHeader: true, className: "text-right" },
      cell: ({ row: { original: m } }) =>
        m.status === "CURRENT" ? <RemoveMemberButton groupId={groupId} customerId={m.userId} name={nameOf(m)} primary={m.role === "PRIMARY"} /> : null,
    },
  ];
}
