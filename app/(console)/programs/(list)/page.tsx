import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/pagination";
import { trendQuerySchema } from "@/lib/ledger/trend-shape";
import { listPrograms, listProgramsPage, PROGRAM_SORTS } from "@/lib/programs/queries";
import { programsWithUnpublishedChanges } from "@/lib/workflows/versions";
import { ProgramNameCell } from "./program-name-cell";
import { ProgramsTrend } from "./programs-trend";
import { formatDate } from "@/lib/format/date";

export const metadata: Metadata = { title: "Programs" };

const querySchema = listQuerySchema(PROGRAM_SORTS, "name");
const points = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/programs", "programs:read");
  const params = await searchParams;
  const { page, sort, dir } = querySchema.parse(params);
  const trend = trendQuerySchema.parse(params);
  const [list, unpublished, all] = await Promise.all([
    listProgramsPage({ orgId: user.orgId, page, sort, dir }),
    programsWithUnpublishedChanges(user.orgId),
    listPrograms({ orgId: user.orgId }),
  ]);
  const canWrite = can(user.role, "programs:write");
  const hrefFor = (next: { page?: number; sort?: string; dir?: string }) =>
    `/programs?${new URLSearchParams({ sort: next.sort ?? sort, dir: next.dir ?? dir, page: String(next.page ?? 1) })}`;
  const createButton = canWrite ? (
    <Link href="/programs/new" className={buttonVariants()}>
      Create program
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title="Programs"
        description="The default program runs for every event; brand programs run for the entities mapped to them."
        actions={createButton}
      />
      {all.length > 0 ? (
        <ProgramsTrend orgId={user.orgId} programs={all.map((p) => ({ id: p.id, name: p.name }))} programId={trend.trendProgram} grain={trend.trendGrain} />
      ) : null}
      {list.total === 0 ? (
        <EmptyState title="No programs yet" action={createButton}>
          Every org has a default program; once it exists it is listed here with the brand programs you create.
        </EmptyState>
      ) : list.rows.length === 0 ? (
        <EmptyState title="No programs on this page" action={<Link href={hrefFor({ page: 1 })} className="text-brand-700 underline">Go to the first page</Link>}>
          The list has {list.total} programs over {list.pageCount} pages.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Programs of {user.orgName}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <SortHeader label="Name" column="name" sort={sort} dir={dir} hrefFor={(s, d) => hrefFor({ sort: s, dir: d })} />
                <th scope="col" className="px-4 py-3">Entities mapped</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <SortHeader label="Tiers" column="tiers" sort={sort} dir={dir} hrefFor={(s, d) => hrefFor({ sort: s, dir: d })} className="px-4 py-3 text-right" />
                <th scope="col" className="px-4 py-3 text-right">Points issued</th>
                <th scope="col" className="px-4 py-3 text-right">Points redeemed</th>
                <th scope="col" className="px-4 py-3 text-right">Points expired</th>
                <SortHeader label="Created" column="created" sort={sort} dir={dir} hrefFor={(s, d) => hrefFor({ sort: s, dir: d })} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((program) => (
                <tr key={program.id}>
                  <ProgramNameCell id={program.id} name={program.name} isDefault={program.isDefault} unpublished={unpublished.has(program.id)} />
                  <td className="px-4 py-3 text-slate-700">
                    {program.isDefault ? (
                      <span className="text-slate-500">All (default program)</span>
                    ) : program.entities.length > 0 ? (
                      program.entities.map((e) => e.name).join(", ")
                    ) : (
                      <span className="text-slate-500">None</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={program.active ? "success" : "neutral"}>{program.active ? "Active" : "Inactive"}</Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{program.tiersCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{points.format(Number(program.points.issued))}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{points.format(Number(program.points.redeemed))}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{points.format(Number(program.points.expired))}</td>
                  <td className="px-4 py-3 text-slate-600">{formatDate(program.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="programs-legend" className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
            <span aria-hidden="true" className="mr-1 text-amber-500">★</span>
            The default program: every event runs in it, whatever the till or card.
          </p>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(p) => hrefFor({ page: p })} />
        </Card>
      )}
    </>
  );
}
