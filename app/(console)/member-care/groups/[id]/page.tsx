import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getGroupOverview } from "@/lib/groups/member-care";
import { GroupMembersTable } from "./group-members-table";

export const metadata: Metadata = { title: "Group" };

const STATUS_TONE = { ACTIVE: "success", INACTIVE: "warning", DELETED: "neutral" } as const;

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/member-care/groups/${raw}`, "member-care:read");
  const id = /^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
  const overview = id === null ? null : await getGroupOverview({ orgId: user.orgId, groupId: id });
  if (!overview) notFound();
  const { group, primary, counts, members, wallet } = overview;
  const fields = Object.entries((group.extendedFields ?? {}) as Record<string, unknown>);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/member-care" className="hover:underline">Member Care</Link> / Group
      </nav>
      <PageHeader
        title={group.groupName || group.externalId}
        description={`Group ${group.id} · external id ${group.externalId} · registered ${group.createdAt.toISOString().slice(0, 10)}${group.createdBy ? ` by ${group.createdBy}` : ""}`}
        actions={<Badge tone={STATUS_TONE[group.status]} data-testid="group-status">{group.status}</Badge>}
      />

      <div className="mb-6 grid gap-4 md:grid-cols-3">
        <Card className="p-5" aria-labelledby="primary-heading">
          <h2 id="primary-heading" className="text-sm font-semibold text-slate-500">Primary member</h2>
          {primary ? (
            <>
              <p className="mt-1 text-lg font-semibold">
                <Link href={`/member-care/customers/${primary.userId}`} className="text-brand-700 hover:underline">{`${primary.firstName} ${primary.lastName}`.trim() || `Customer ${primary.userId}`}</Link>
              </p>
              <p className="text-sm text-slate-600">{primary.mobile ?? primary.email ?? `id ${primary.userId}`}</p>
              {primary.status === "EXITED" ? <p className="mt-1 text-sm text-amber-700">Left the group</p> : null}
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No primary member yet.</p>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-500">Members</h2>
          <p className="mt-1 text-lg font-semibold" data-testid="member-count">{counts.current} of {group.maxGroupSize}</p>
          <p className="text-sm text-slate-600">{counts.exited} exited</p>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-500">{group.company ? "Fleet company" : "Kind"}</h2>
          {group.company ? (
            <>
              <p className="mt-1 text-lg font-semibold">{group.company.name}</p>
              <p className="text-sm text-slate-600">
                {group.company.externalId} · hierarchy{" "}
                {can(user.role, "settings:read") ? (
                  <Link href={`/settings/fleet-hierarchies/${group.company.hierarchy.id}`} className="text-brand-700 hover:underline">{group.company.hierarchy.code}</Link>
                ) : group.company.hierarchy.code}
              </p>
            </>
          ) : (
            <p className="mt-1 text-lg font-semibold">Friends and family</p>
          )}
        </Card>
      </div>

      <section aria-labelledby="wallet-heading" className="mb-6">
        <h2 id="wallet-heading" className="mb-2 text-lg font-semibold">Group wallet</h2>
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Group points per program</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Program</th>
                <th scope="col" className="px-4 py-3 text-right">Current</th>
                <th scope="col" className="px-4 py-3 text-right">Lifetime</th>
                <th scope="col" className="px-4 py-3 text-right">Redeemed</th>
                <th scope="col" className="px-4 py-3 text-right">Expired</th>
                <th scope="col" className="px-4 py-3">Tier</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {wallet.map((p) => (
                <tr key={p.programId}>
                  <td className="px-4 py-3">{p.programName}{p.isDefault ? <Badge className="ml-2">Default</Badge> : null}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{p.currentPoints}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{p.lifetimePoints}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{p.redeemedPoints}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{p.expiredPoints}</td>
                  <td className="px-4 py-3">{p.tier?.name ?? <span className="text-slate-400">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </section>

      <section aria-labelledby="members-heading" className="mb-6">
        <h2 id="members-heading" className="mb-2 text-lg font-semibold">Members</h2>
        <GroupMembersTable
          groupId={group.id}
          canWrite={can(user.role, "member-care:write") && group.status !== "DELETED"}
          members={members.map((m) => ({
            userId: m.userId, name: `${m.firstName} ${m.lastName}`.trim(), mobile: m.mobile, email: m.email, role: m.role, fleetRole: m.fleetRole?.code ?? null,
            permissions: m.permissions, defaultGroup: m.defaultGroup, status: m.status, joinedAt: m.joinedAt.toISOString(), exitedAt: m.exitedAt?.toISOString() ?? null,
            pointsContributed: m.pointsContributed,
          }))}
        />
      </section>

      {fields.length > 0 ? (
        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading" className="mb-2 text-lg font-semibold">Extended fields</h2>
          <Card className="p-5">
            <dl className="grid gap-2 text-sm sm:grid-cols-3">
              {fields.map(([k, v]) => (
                <div key={k}>
                  <dt className="font-mono text-xs text-slate-500">{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </section>
      ) : null}
    </>
  );
}
