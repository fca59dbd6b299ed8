import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { ledgerColumns } from "@/components/ledger/ledger-columns";
import type { GroupBill } from "@/lib/groups/member-care-activity";
import type { ExpirySchedule, ProgramDetail } from "@/lib/groups/wallet";
import type { LedgerEntry } from "@/lib/ledger/history";
import type { Page, SearchParamsRecord, SortDir } from "@/lib/pagination";
import { cn } from "@/lib/utils";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const MONEY = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const BILL_COLUMNS: DataTableColumn<GroupBill>[] = [
  { id: "billed", header: "Billed (UTC)", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => DATE_TIME.format(row.original.billedAt) },
  { id: "member", header: "Member", cell: ({ row: { original: b } }) => <Link href={`/member-care/customers/${b.customerId}`} className="text-brand-700 hover:underline">{b.customerName}</Link> },
  { id: "bill", header: "Bill", meta: { className: "font-mono" }, cell: ({ row }) => row.original.number },
  { id: "type", header: "Type", cell: ({ row }) => <Badge tone={row.original.type === "RETURN" ? "warning" : "neutral"}>{row.original.type === "REGULAR" ? "Purchase" : row.original.type === "RETURN" ? "Return" : row.original.type}</Badge> },
  { id: "amount", header: "Amount", meta: { align: "right" }, cell: ({ row }) => MONEY.format(row.original.amount) },
  { id: "points", header: "Group points", meta: { align: "right" }, cell: ({ row }) => row.original.groupPoints },
];

/** Recent bills by any member (bills made while a member count for the group). */
export function RecentGroupBills({ bills, total }: { bills: GroupBill[]; total: number }) {
  return (
    <section aria-labelledby="bills-heading" className="mb-6">
      <h2 id="bills-heading" className="mb-2 text-lg font-semibold">
        Recent transactions <span className="text-sm font-normal text-slate-500">({total} in all)</span>
      </h2>
      <DataTable caption="Recent transactions" columns={BILL_COLUMNS} rows={bills} rowKey={(b) => b.id} empty="No member has made a bill since joining." />
    </section>
  );
}

/** The group wallet's ledger (one program's, or the combined one): who earned each credit (the member's bill) and what took each debit. */
export function GroupLedger({
  groupId, wallet, combined, programId, entries, dir, schedule, params,
}: {
  /** The wallets whose ledgers may be read; with `combined`, the first is the combined one. */
  groupId: number; wallet: ProgramDetail[]; combined: boolean; programId: number; entries: Page<LedgerEntry>; dir: SortDir; schedule: ExpirySchedule[]; params: SearchParamsRecord;
}) {
  const path = `/member-care/groups/${groupId}`;
  const own = schedule.filter((s) => s.programId === programId);
  return (
    <section aria-labelledby="group-ledger-heading" className="mb-6 space-y-4">
      <h2 id="group-ledger-heading" className="text-lg font-semibold">Group ledger</h2>
      {wallet.length > 1 ? (
        <nav aria-label="Program" className="flex flex-wrap gap-1 text-sm">
          {wallet.map((p) => (
            <Link
              key={p.programId}
              href={`${path}?program=${p.programId}`}
              aria-current={p.programId === programId ? "true" : undefined}
              className={cn("rounded-md px-3 py-1", p.programId === programId ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-200" : "text-slate-600 hover:bg-slate-100")}
            >
              {combined && p.isDefault ? "Combined wallet" : p.programName}
            </Link>
          ))}
        </nav>
      ) : null}
      <DataTable
        caption="Group ledger"
        columns={ledgerColumns({ showMember: true })}
        rows={entries.rows}
        rowKey={(e) => e.postingId}
        url={{ path, params, key: "ledger" }}
        sort={{ sort: "at", dir }}
        paging={entries}
        empty="No points have moved in this group's wallet yet."
      />
      <DataTable
        caption="Group expiry schedule"
        columns={[
          { id: "date", header: "Expires on", cell: ({ row }) => row.original.expiryDate },
          { id: "points", header: "Points", meta: { align: "right" }, cell: ({ row }) => row.original.points },
        ]}
        rows={own}
        rowKey={(s) => s.expiryDate}
        empty="No group points are due to expire."
      />
    </section>
  );
}
