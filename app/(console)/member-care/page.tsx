import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { memberCareSearchSchema } from "@/lib/customers/console-search";
import { CustomerResults } from "./customer-results";
import { GroupResults } from "./group-results";
import { SearchBox } from "./search-box";

export const metadata: Metadata = { title: "Member Care" };

/**
 * Member Care → search (SPEC §7): one box that finds a customer by mobile, email, external id, id
 * or card, or a user group. Each kind of result is its own section, searched in parallel;
 * lib/groups adds the group section beside the customers'.
 */
export default async function MemberCarePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/member-care", "member-care:read");
  const { q, page } = memberCareSearchSchema.parse(await searchParams);
  return (
    <>
      <PageHeader title="Member Care" description="Find a customer or a group, then open their page." />
      <SearchBox q={q ?? ""} />
      {q ? (
        <div className="mt-6 space-y-6">
          <CustomerResults orgId={user.orgId} q={q} page={page} />
          <GroupResults orgId={user.orgId} q={q} />
        </div>
      ) : (
        <p className="mt-6 text-sm text-slate-600">
          Type a mobile number, an email, an external id, a card number, a customer id or the start of a name.
        </p>
      )}
    </>
  );
}
