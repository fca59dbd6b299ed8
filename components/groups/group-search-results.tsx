import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { GroupSummary } from "@/lib/groups/queries";
import type { TableUrl } from "@/lib/pagination";

const COLUMNS: DataTableColumn<GroupSummary>[] = [
  {
    id: "group",
    header: "Group",
    cell: ({ row: { original: g } }) => (
      <>
        <Link href={`/member-care/groups/${g.groupId}`} className="font-medium text-brand-700 hover:underline" data-search-result="">
          {g.groupName || g.groupExternalId}
        </Link>
        <div className="text-xs text-slate-500">{g.groupId} · {g.groupExternalId}</div>
      </>
    ),
  },
  {
    id: "primary",
    header: "Primary member",
    cell: ({ row: { original: g } }) =>
      g.primaryMemberId ? (
        <>
          {`${g.firstName ?? ""} ${g.lastName ?? ""}`.trim() || `Customer ${g.primaryMemberId}`}
          <div className="text-xs text-slate-500">{[g.mobile, g.email].filter(Boolean).join(" · ")}</div>
        </>
      ) : (
        <span className="text-slate-400">No primary yet</span>
      ),
  },
  { id: "members", header: "Members", cell: ({ row }) => row.original.totalMembers },
  { id: "status", header: "Status", cell: ({ row: { original: g } }) => <Badge tone={g.groupStatus === "ACTIVE" ? "success" : "neutral"}>{g.groupStatus}</Badge> },
];

/** Group hits of a Member Care search (searchGroups), each opening the group's page. */
export function GroupSearchResults({
  groups,
  query,
  url,
  paging,
}: {
  groups: GroupSummary[];
  query: string;
  url?: TableUrl;
  paging?: { page: number; pageCount: number; total: number; pageSize: number };
}) {
  if (groups.length === 0) {
    return <EmptyState title="No groups found">No group matches “{query}”. Try the primary member&apos;s mobile, email or card, or the group&apos;s external id.</EmptyState>;
  }
  return <DataTable caption="Groups found" columns={COLUMNS} rows={groups} rowKey={(g) => g.groupId} {...(url ? { url } : {})} {...(paging ? { paging } : {})} />;
}
