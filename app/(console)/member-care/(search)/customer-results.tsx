import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { MEMBER_CARE_PAGE_SIZE } from "@/lib/customers/console-search";
import { IDENTIFIER_LABELS } from "@/lib/customers/identifier-labels";
import { searchCustomers, type CustomerSearchHit } from "@/lib/customers/search";
import type { SearchParamsRecord } from "@/lib/pagination";

const COLUMNS: DataTableColumn<CustomerSearchHit>[] = [
  {
    id: "customer",
    header: "Customer",
    meta: { className: "font-medium" },
    cell: ({ row: { original: hit } }) => (
      <Link href={`/member-care/customers/${hit.id}`} className="text-brand-700 hover:underline" data-search-result="">
        {[hit.firstName, hit.lastName].filter(Boolean).join(" ") || `Customer ${hit.id}`}
      </Link>
    ),
  },
  { id: "id", header: "Id", meta: { className: "tabular-nums text-slate-600" }, cell: ({ row }) => row.original.id },
  {
    id: "matched",
    header: "Matched",
    meta: { className: "text-slate-700" },
    cell: ({ row: { original: hit } }) =>
      hit.matched.length === 0
        ? "Name"
        : hit.matched.slice(0, 3).map((m) => (
            <span key={`${m.source}-${m.type}-${m.value}`} className="mr-3 inline-block">
              <span className="text-slate-500">{IDENTIFIER_LABELS[m.type]}</span> <span className="font-mono">{m.value}</span>
            </span>
          )),
  },
  { id: "sources", header: "Sources", meta: { className: "text-slate-600" }, cell: ({ row }) => row.original.sources.join(", ") },
];

/** The customers section of Member Care search: who matched and by what, linking to each customer's page. */
export async function CustomerResults({ orgId, q, page, params }: { orgId: number; q: string; page: number; params: SearchParamsRecord }) {
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
        <DataTable
          caption={`Customers matching ${q}`}
          columns={COLUMNS}
          rows={hits}
          rowKey={(hit) => hit.id}
          url={{ path: "/member-care", params }}
          paging={{ page, pageCount, total, pageSize: MEMBER_CARE_PAGE_SIZE }}
        />
      )}
    </section>
  );
}
