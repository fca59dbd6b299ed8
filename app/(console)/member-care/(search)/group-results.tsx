import { GroupSearchResults } from "@/components/groups/group-search-results";
import { searchGroups } from "@/lib/groups/queries";
import type { SearchParamsRecord } from "@/lib/pagination";
import { MEMBER_CARE_PAGE_SIZE } from "@/lib/customers/console-search";

/**
 * The group section of Member Care's search: the same searchGroups GET /v2/userGroup2/search uses.
 * Under the customers it is a short preview; with the Groups switch it is the paged list.
 */
export async function GroupResults({ orgId, q, page = 1, params, limit = MEMBER_CARE_PAGE_SIZE }: { orgId: number; q: string; page?: number; params?: SearchParamsRecord; limit?: number }) {
  const { data, total } = await searchGroups({ orgId, q, limit, offset: (page - 1) * limit });
  // Under the customers, no group is no news; the Groups switch says so in words.
  if (!params && total === 0) return null;
  return (
    <section aria-labelledby="group-results-heading">
      <h2 id="group-results-heading" className="mb-2 text-base font-semibold text-slate-900">
        Groups <span className="font-normal text-slate-500">({total})</span>
      </h2>
      <GroupSearchResults
        groups={data}
        query={q}
        {...(params ? { url: { path: "/member-care", params }, paging: { page, pageCount: Math.max(1, Math.ceil(total / limit)), total, pageSize: limit } } : {})}
      />
    </section>
  );
}
