import { GroupSearchResults } from "@/components/groups/group-search-results";
import { searchGroups } from "@/lib/groups/queries";

/** The group section of Member Care's search: the same searchGroups GET /v2/userGroup2/search uses. */
export async function GroupResults({ orgId, q }: { orgId: number; q: string }) {
  const { data } = await searchGroups({ orgId, q, limit: 10 });
  return (
    <section aria-labelledby="group-results-heading">
      <h2 id="group-results-heading" className="mb-2 text-lg font-semibold">Groups</h2>
      <GroupSearchResults groups={data} query={q} />
    </section>
  );
}
