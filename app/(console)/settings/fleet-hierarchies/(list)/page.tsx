import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listFleetHierarchies } from "@/lib/groups/fleet-hierarchies";
import { chainText } from "../role-chain-preview";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";

export const metadata: Metadata = { title: "Fleet hierarchies" };

export default async function FleetHierarchiesPage() {
  const user = await requirePageUser("/settings/fleet-hierarchies", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const rows = await listFleetHierarchies({ orgId: user.orgId });
  return (
    <>
      <PageHeader
        title="Fleet hierarchies"
        description="B2B role chains (owner → driver, distributor → store owner): who owns the company's group, who joins it, and with which permissions."
        actions={canWrite ? <Link href="/settings/fleet-hierarchies/new" className={buttonVariants()}>New hierarchy</Link> : null}
      />
      {canWrite ? null : <ReadOnlyNotice what="the fleet hierarchies" />}
      {rows.length === 0 ? (
        <EmptyState title="No fleet hierarchies yet">
          {canWrite ? "Create one to associate fleet owners and drivers with companies." : "An admin defines fleet hierarchies."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Fleet hierarchies</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Code</th>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Role chain</th>
                <th scope="col" className="px-4 py-3">Rules</th>
                <th scope="col" className="px-4 py-3">Customers</th>
                <th scope="col" className="px-4 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((h) => (
                <tr key={h.id} className={h.active ? "" : "text-slate-500"}>
                  <td className="px-4 py-3 font-mono text-xs font-medium">
                    <Link href={`/settings/fleet-hierarchies/${h.id}`} className="text-brand-700 hover:underline">{h.code}</Link>
                  </td>
                  <td className="px-4 py-3">{h.name || <span className="text-slate-400">—</span>}</td>
                  <td className="px-4 py-3">{chainText(h.roles)}</td>
                  <td className="space-x-1 px-4 py-3">
                    {h.autoGroupCreationEnabled ? <Badge tone="info">Auto groups</Badge> : null}
                    {h.hierarchyCreationStrict ? <Badge>Strict</Badge> : null}
                    {h.skipRoleAllowed ? <Badge>Skip roles</Badge> : null}
                    {h.isDefault ? <Badge tone="success">Default</Badge> : null}
                  </td>
                  <td className="px-4 py-3">{h._count.associations}</td>
                  <td className="px-4 py-3">{h.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
