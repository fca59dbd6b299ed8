import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { listAuditEntries, listAuditFilterOptions } from "@/lib/org/audit-log";
import { formatUtc } from "@/lib/org/audit-log-format";
import { parseAuditQuery, type AuditFilters } from "@/lib/org/audit-log-schema";
import { AuditChanges } from "./audit-changes";
import { AuditFilterForm } from "./audit-filter-form";

export const metadata: Metadata = { title: "Audit log" };

const ACTOR_KIND = { USER: "User", API_CLIENT: "API client", SYSTEM: "System" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/audit", "audit:read");
  const { page, filters, errors } = parseAuditQuery(await searchParams);
  const [entries, options] = await Promise.all([
    listAuditEntries({ orgId: user.orgId, filters, page }),
    listAuditFilterOptions({ orgId: user.orgId }),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title="Audit log" description="Every configuration change in this org: who made it, what changed and when (times in UTC)." />
      <AuditFilterForm filters={filters} options={options} errors={errors} />
      {entries.rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No entries match these filters" : "No changes recorded yet"}
          action={filtered ? <Link className="text-sm text-brand-700 underline" href="/settings/audit">Clear the filters</Link> : undefined}
        >
          {filtered ? "Widen the date range or pick another actor, action or entity." : "Changes to programs, settings, API clients and users will appear here."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">When (UTC)</th>
                <th scope="col" className="px-4 py-3">Who</th>
                <th scope="col" className="px-4 py-3">Action</th>
                <th scope="col" className="px-4 py-3">Entity</th>
                <th scope="col" className="px-4 py-3">Changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {entries.rows.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-3">
                    <time dateTime={e.at.toISOString()}>{formatUtc(e.at)}</time>
                  </td>
                  <td className="px-4 py-3">
                    <span className="font-medium">{e.actorLabel}</span>
                    <span className="block text-xs text-slate-500">{ACTOR_KIND[e.actorType]}</span>
                  </td>
                  <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
                  <td className="px-4 py-3">
                    {e.entityType} <span className="text-slate-500">#{e.entityId}</span>
                  </td>
                  <td className="px-4 py-3">
                    <AuditChanges before={e.before} after={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={entries.page} pageCount={entries.pageCount} total={entries.total} hrefFor={(p) => hrefFor(filters, p)} />
        </Card>
      )}
    </>
  );
}

function hrefFor(filters: AuditFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/settings/audit?${query}` : "/settings/audit";
}
