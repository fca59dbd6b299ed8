import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MEMBER_CARE_PAGE_SIZE } from "@/lib/customers/console-search";
import { IDENTIFIER_LABELS } from "@/lib/customers/identifier-labels";
import { searchCustomers } from "@/lib/customers/search";

/** The customers section of Member Care search: who matched and by what, linking to each customer's page. */
export async function CustomerResults({ orgId, q, page }: { orgId: number; q: string; page: number }) {
  const { total, hits } = await searchCustomers({ orgId, q, limit: MEMBER_CARE_PAGE_SIZE, offset: (page - 1) * MEMBER_CARE_PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / MEMBER_CARE_PAGE_SIZE));
  return (
    <section aria-labelledby="customer-results-title">
      <h2 id="customer-results-title" className="mb-2 text-base font-semibold text-slate-900">
        Customers <span className="font-normal text-slate-500">({total})</span>
      </h2>
      {total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">
          No customer matches “{q}”. Check the number, or try the start of the name or email.
        </p>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Customers matching {q}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Customer</th>
                <th scope="col" className="px-4 py-3">Id</th>
                <th scope="col" className="px-4 py-3">Matched</th>
                <th scope="col" className="px-4 py-3">Sources</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {hits.map((hit) => (
                <tr key={hit.id}>
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/member-care/customers/${hit.id}`} className="text-brand-700 hover:underline">
                      {[hit.firstName, hit.lastName].filter(Boolean).join(" ") || `Customer ${hit.id}`}
                    </Link>
                  </td>
                  <td className="px-4 py-3 tabular-nums text-slate-600">{hit.id}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {hit.matched.length === 0
                      ? "Name"
                      : hit.matched.slice(0, 3).map((m) => (
                          <span key={`${m.source}-${m.type}-${m.value}`} className="mr-3 inline-block">
                            <span className="text-slate-500">{IDENTIFIER_LABELS[m.type]}</span> <span className="font-mono">{m.value}</span>
                          </span>
                        ))}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{hit.sources.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pageCount > 1 ? (
            <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(p) => `/member-care?${new URLSearchParams({ q, page: String(p) })}`} />
          ) : null}
        </Card>
      )}
    </section>
  );
}
