import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listGroupMemberPage } from "@/lib/groups/member-care";
import { recentGroupBills } from "@/lib/groups/member-care-activity";
import { groupExpirySchedules } from "@/lib/groups/wallet";
import { groupWallets } from "@/lib/groups/wallet-view";
import { listLedgerEntries } from "@/lib/ledger/history";
import { tableQuery } from "@/lib/pagination";
import { GroupLedger, RecentGroupBills } from "./group-activity";
import { GroupMembersTable } from "./group-members-table";
import { GroupWallet } from "./group-wallet";
import { loadGroup } from "./load-group";
import { membersQuery, STATUS_OF } from "./members-query";
import { formatDate } from "@/lib/format/date";

export const metadata: Metadata = { title: "Group" };

const MONEY = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const STATUS_TONE = { ACTIVE: "success", INACTIVE: "warning", DELETED: "neutral" } as const;

export default async function GroupPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/member-care/groups/${raw}`, "member-care:read");
  const overview = await loadGroup(user.orgId, raw);
  if (!overview) notFound();
  const query = await searchParams;
  const { group, primary, counts, wallet, tiers } = overview;
  const members = membersQuery(query);
  const ledger = tableQuery(query, { sortable: ["at"], defaultSort: "at", defaultDir: "desc", key: "ledger" });
  const asked = z.coerce.number().int().positive().optional().catch(undefined).parse(Array.isArray(query.program) ? query.program[0] : query.program);
  const view = await groupWallets(user.orgId, wallet);
  // The ledger has a page per wallet shown (and per account left over from a per-program past).
  const ledgers = [...view.wallets, ...view.leftOver];
  const programId = (ledgers.find((p) => p.programId === asked) ?? ledgers[0])?.programId;
  const [memberPage, activity, entries, schedule] = await Promise.all([
    listGroupMemberPage({ orgId: user.orgId, groupId: group.id, status: STATUS_OF[members.status], sort: members.sort, dir: members.dir, page: members.page }),
    recentGroupBills({ orgId: user.orgId, groupId: group.id }),
    programId === undefined ? null : listLedgerEntries({ orgId: user.orgId, owner: { type: "USERGROUP", id: group.id }, programId, dir: ledger.dir, page: ledger.page }),
    groupExpirySchedules(user.orgId, group.id),
  ]);
  const fields = Object.entries((group.extendedFields ?? {}) as Record<string, unknown>);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/member-care" className="hover:underline">Member Care</Link> / Group
      </nav>
      <PageHeader
        title={group.groupName || group.externalId}
        description={`Group ${group.id} · external id ${group.externalId} · registered ${formatDate(group.createdAt)}${group.createdBy ? ` by ${group.createdBy}` : ""}`}
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
          <h2 className="text-sm font-semibold text-slate-500">Lifetime spend</h2>
          <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="lifetime-spend">{MONEY.format(activity.lifetimeSpend)}</p>
          <p className="text-sm text-slate-600">over {activity.total} {activity.total === 1 ? "bill" : "bills"} by members</p>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-slate-500">Group tier</h2>
          <p className="mt-1 text-lg font-semibold" data-testid="group-tier">{tiers.length > 0 ? tiers.map((t) => `${t.programName}: ${t.tierName}`).join(", ") : "No group tier"}</p>
          <p className="text-sm text-slate-600">
            {tiers.length === 0
              ? primary && primary.status !== "EXITED" ? "The primary member holds no tier in any program." : "A group's tier is its primary member's; it has none now."
              : `The primary member's tier${tiers.some((t) => t.membersFollow) ? `; members follow it in ${tiers.filter((t) => t.membersFollow).map((t) => t.programName).join(", ")}` : ""}.`}
          </p>
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

      <GroupWallet view={view} />

      <RecentGroupBills bills={activity.bills} total={activity.total} />

      {programId !== undefined && entries ? (
        <GroupLedger groupId={group.id} wallet={ledgers} combined={view.mode === "COMBINED"} programId={programId} entries={entries} dir={ledger.dir} schedule={schedule} params={query} />
      ) : null}

      <section aria-labelledby="members-heading" className="mb-6">
        <h2 id="members-heading" className="mb-2 text-lg font-semibold">Members</h2>
        <GroupMembersTable
          groupId={group.id}
          members={memberPage}
          status={members.status}
          counts={counts}
          sort={{ sort: members.sort, dir: members.dir }}
          url={{ path: `/member-care/groups/${group.id}`, params: query, key: "members" }}
          canWrite={can(user.role, "member-care:write") && group.status !== "DELETED"}
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
