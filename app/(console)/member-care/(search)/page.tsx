import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { memberCareSearchSchema, type SearchKind } from "@/lib/customers/console-search";
import { cn } from "@/lib/utils";
import { CustomerResults } from "./customer-results";
import { GroupResults } from "./group-results";
import { SearchBox } from "./search-box";
import { SearchKeys } from "./search-keys";

export const metadata: Metadata = { title: "Member Care" };

/**
 * Member Care → search (SPEC §7): one box that finds a customer by mobile, email, external id, id
 * or card (and the groups they lead); the Groups switch searches groups by id, name, external id
 * or any identifier of the primary member. Results render on the server as the agent types.
 */
export default async function MemberCarePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/member-care", "member-care:read");
  const params = await searchParams;
  const { q, page, in: kind } = memberCareSearchSchema.parse(params);
  return (
    <>
      <PageHeader title="Member Care" description="Find a customer or a group, then open their page." />
      <KindSwitch kind={kind} q={q} />
      <SearchBox q={q ?? ""} kind={kind} />
      <SearchKeys>
        {q ? (
          <div className="mt-6 space-y-6">
            {kind === "customers" ? (
              <>
                <CustomerResults orgId={user.orgId} q={q} page={page} params={params} />
                <GroupResults orgId={user.orgId} q={q} limit={5} />
              </>
            ) : (
              <GroupResults orgId={user.orgId} q={q} page={page} params={params} />
            )}
          </div>
        ) : (
          <p className="mt-6 text-sm text-slate-600">
            {kind === "customers"
              ? "Type a mobile number, an email, an external id, a card number, a customer id or the start of a name."
              : "Type a group id, name or external id, or the mobile, email or card of its primary member."}
          </p>
        )}
      </SearchKeys>
    </>
  );
}

function KindSwitch({ kind, q }: { kind: SearchKind; q: string | undefined }) {
  const href = (k: SearchKind) => `/member-care?${new URLSearchParams({ ...(q ? { q } : {}), ...(k === "groups" ? { in: "groups" } : {}) })}`;
  return (
    <nav aria-label="Search in" className="mb-3 flex gap-1 text-sm">
      {(["customers", "groups"] as const).map((k) => (
        <Link
          key={k}
          href={href(k)}
          aria-current={k === kind ? "page" : undefined}
          className={cn("rounded-md px-3 py-1.5 font-medium", k === kind ? "bg-brand-50 text-brand-700 ring-1 ring-brand-200" : "text-slate-600 hover:bg-slate-100")}
        >
          {k === "customers" ? "Customers" : "Groups"}
        </Link>
      ))}
    </nav>
  );
}
