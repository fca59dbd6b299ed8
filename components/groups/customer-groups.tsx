import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { CustomerGroupRow } from "@/lib/groups/queries";

/** The groups section of a customer's page: every group they are or were in (listCustomerGroups). */
export function CustomerGroups({ groups }: { groups: CustomerGroupRow[] }) {
  return (
    <section aria-labelledby="customer-groups-heading">
      <h2 id="customer-groups-heading" className="mb-2 text-lg font-semibold">Groups</h2>
      {groups.length === 0 ? (
        <Card className="p-5 text-sm text-slate-600">Not a member of any group.</Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Groups of this customer</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Group</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Permissions</th>
                <th scope="col" className="px-4 py-3">Joined</th>
                <th scope="col" className="px-4 py-3">Exited</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {groups.map((g) => (
                <tr key={`${g.groupId}-${g.joinedAt.toISOString()}`} className={g.exitedAt ? "text-slate-500" : ""}>
                  <td className="px-4 py-3">
                    <Link href={`/member-care/groups/${g.groupId}`} className="font-medium text-brand-700 hover:underline">{g.groupName || g.externalId}</Link>
                    <div className="text-xs text-slate-500">{g.externalId} · {g.groupStatus}</div>
                  </td>
                  <td className="space-x-1 px-4 py-3">
                    <Badge tone={g.primaryMember ? "info" : "neutral"}>{g.primaryMember ? "Primary" : "Secondary"}</Badge>
                    {g.defaultGroup && !g.exitedAt ? <Badge tone="success">Default group</Badge> : null}
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">{g.permissions.join(", ") || "—"}</td>
                  <td className="px-4 py-3">{g.joinedAt.toISOString().slice(0, 10)}</td>
                  <td className="px-4 py-3">{g.exitedAt ? g.exitedAt.toISOString().slice(0, 10) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </section>
  );
}
