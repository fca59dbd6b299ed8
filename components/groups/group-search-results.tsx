import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { GroupSummary } from "@/lib/groups/queries";

/** Group hits of a Member Care search (searchGroups), each opening the group's page. */
export function GroupSearchResults({ groups, query }: { groups: GroupSummary[]; query: string }) {
  if (groups.length === 0) {
    return <EmptyState title="No groups found">No group matches “{query}”. Try the primary member&apos;s mobile, email or card, or the group&apos;s external id.</EmptyState>;
  }
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Groups found</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">Group</th>
            <th scope="col" className="px-4 py-3">Primary member</th>
            <th scope="col" className="px-4 py-3">Members</th>
            <th scope="col" className="px-4 py-3">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((g) => (
            <tr key={g.groupId}>
              <td className="px-4 py-3">
                <Link href={`/member-care/groups/${g.groupId}`} className="font-medium text-brand-700 hover:underline">{g.groupName || g.groupExternalId}</Link>
                <div className="text-xs text-slate-500">{g.groupId} · {g.groupExternalId}</div>
              </td>
              <td className="px-4 py-3">
                {g.primaryMemberId ? (
                  <>
                    {`${g.firstName ?? ""} ${g.lastName ?? ""}`.trim() || `Customer ${g.primaryMemberId}`}
                    <div className="text-xs text-slate-500">{[g.mobile, g.email].filter(Boolean).join(" · ")}</div>
                  </>
                ) : (
                  <span className="text-slate-400">No primary yet</span>
                )}
              </td>
              <td className="px-4 py-3">{g.totalMembers}</td>
              <td className="px-4 py-3"><Badge tone={g.groupStatus === "ACTIVE" ? "success" : "neutral"}>{g.groupStatus}</Badge></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
