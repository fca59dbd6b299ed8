import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { GroupSearchResults } from "@/components/groups/group-search-results";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { searchGroups } from "@/lib/groups/queries";
import { PAGE_SIZE } from "@/lib/pagination";

export const metadata: Metadata = { title: "Groups" };

const querySchema = z.object({ q: z.string().trim().max(100).catch(""), page: z.coerce.number().int().min(1).catch(1) });

/**
 * Member Care's group search (SPEC §7 "Group view"): by group id, name, external id, or any
 * identifier of the primary member (mobile, email, card). Reads through lib/groups' searchGroups,
 * as GET /v2/userGroup2/search does.
 */
export default async function GroupSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/member-care/groups", "member-care:read");
  const { q, page } = querySchema.parse(await searchParams);
  const result = q ? await searchGroups({ orgId: user.orgId, q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : null;
  const pageCount = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/member-care" className="hover:underline">Member Care</Link> / Groups
      </nav>
      <PageHeader title="Groups" description="Find a family, friends-and-family or fleet group by its id, name, external id, or its primary member's mobile, email or card." />
      <Card className="mb-4 p-4">
        <form method="get" role="search" aria-label="Search groups" className="flex gap-2">
          <label htmlFor="group-q" className="sr-only">Search groups</label>
          <input
            id="group-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Group id, name, external id, or the primary's mobile, email or card"
            className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
            autoFocus
          />
          <Button type="submit">Search</Button>
        </form>
      </Card>
      {result ? (
        <>
          <GroupSearchResults groups={result.data} query={q} />
          {result.total > PAGE_SIZE ? (
            <Pagination page={page} pageCount={pageCount} total={result.total} hrefFor={(p) => `/member-care/groups?q=${encodeURIComponent(q)}&page=${p}`} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
