import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { listCustomerTransactions, type CustomerTransactionRow } from "@/lib/engine/customer-transactions";
import type { CUSTOMER_TRANSACTION_SORTS } from "@/lib/engine/customer-transactions-sorts";
import type { SearchParamsRecord, SortDir } from "@/lib/pagination";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const MONEY = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const POINTS = new Intl.NumberFormat("en", { maximumFractionDigits: 4, signDisplay: "exceptZero" });

const COLUMNS: DataTableColumn<CustomerTransactionRow>[] = [
  { id: "billed", header: "Billed (UTC)", enableSorting: true, sortDescFirst: true, meta: { className: "whitespace-nowrap" }, cell: ({ row }) => DATE_TIME.format(row.original.billedAt) },
  { id: "number", header: "Bill", meta: { className: "font-mono" }, cell: ({ row }) => row.original.number },
  { id: "type", header: "Type", cell: ({ row }) => <Badge tone={row.original.type === "RETURN" ? "warning" : "neutral"}>{row.original.type === "REGULAR" ? "Purchase" : row.original.type === "RETURN" ? "Return" : row.original.type}</Badge> },
  { id: "amount", header: "Amount", enableSorting: true, sortDescFirst: true, meta: { align: "right" }, cell: ({ row }) => MONEY.format(row.original.amount) },
  { id: "till", header: "Till", cell: ({ row }) => (row.original.till ? `${row.original.till}${row.original.store ? ` · ${row.original.store}` : ""}` : "—") },
  { id: "memberPoints", header: "Member points", meta: { align: "right" }, cell: ({ row }) => POINTS.format(row.original.memberPoints) },
  { id: "groupPoints", header: "Group points", meta: { align: "right" }, cell: ({ row }) => POINTS.format(row.original.groupPoints) },
];

/** The Transactions tab: the customer's bills, paged and sorted on the server. */
export async function TransactionsTab({
  orgId, customerId, query, params,
}: {
  orgId: number; customerId: number; query: { page: number; sort: (typeof CUSTOMER_TRANSACTION_SORTS)[number]; dir: SortDir }; params: SearchParamsRecord;
}) {
  const page = await listCustomerTransactions({ orgId, customerId, sort: query.sort, dir: query.dir, page: query.page });
  return (
    <section aria-labelledby="transactions-heading">
      <h2 id="transactions-heading" className="mb-2 text-lg font-semibold">Transactions</h2>
      <DataTable
        caption="Transactions"
        columns={COLUMNS}
        rows={page.rows}
        rowKey={(t) => t.id}
        url={{ path: `/member-care/customers/${customerId}`, params, key: "txn" }}
        sort={{ sort: query.sort, dir: query.dir }}
        paging={page}
        empty="No transactions yet."
      />
    </section>
  );
}
