import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ledgerColumns } from "@/components/ledger/ledger-columns";
import { listLedgerEntries } from "@/lib/ledger/history";
import { listWallets } from "@/lib/ledger/queries";
import type { SearchParamsRecord, SortDir } from "@/lib/pagination";
import { cn } from "@/lib/utils";
import { TierHistory } from "./tier-history";

type Program = { id: number; name: string; isDefault: boolean };

/**
 * The Loyalty tab (SPEC §7): one program's ledger (every movement, its reason, the workflow
 * condition or agent behind it, the balance after it), the open lots' expiry schedule and the
 * tier history.
 */
export async function LoyaltyTab({
  orgId, customerId, programs, programId, ledger, params,
}: {
  orgId: number; customerId: number; programs: Program[]; programId: number; ledger: { page: number; dir: SortDir }; params: SearchParamsRecord;
}) {
  const owner = { type: "CUSTOMER" as const, id: customerId };
  const [entries, wallets] = await Promise.all([
    listLedgerEntries({ orgId, owner, programId, dir: ledger.dir, page: ledger.page }),
    listWallets({ orgId, owners: [owner], programId }),
  ]);
  const schedule = wallets[0]?.expirySchedule ?? [];
  const path = `/member-care/customers/${customerId}`;
  return (
    <div className="space-y-6">
      {programs.length > 1 ? (
        <nav aria-label="Program" className="flex flex-wrap gap-1 text-sm">
          {programs.map((p) => (
            <Link
              key={p.id}
              href={`${path}?program=${p.id}`}
              aria-current={p.id === programId ? "true" : undefined}
              className={cn("rounded-md px-3 py-1", p.id === programId ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-200" : "text-slate-600 hover:bg-slate-100")}
            >
              {p.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">Points ledger</h2>
        <DataTable
          caption="Points ledger"
          columns={ledgerColumns({ showMember: false })}
          rows={entries.rows}
          rowKey={(e) => e.postingId}
          url={{ path, params, key: "ledger" }}
          sort={{ sort: "at", dir: ledger.dir }}
          paging={entries}
          empty="No points have moved in this program yet."
        />
      </section>
      <section aria-labelledby="expiry-heading">
        <h2 id="expiry-heading" className="mb-2 text-lg font-semibold">Expiry schedule</h2>
        <DataTable
          caption="Expiry schedule"
          columns={[
            { id: "expires", header: "Expires on", cell: ({ row }) => row.original.expiresOn ?? "Never" },
            { id: "kind", header: "Kind", cell: ({ row }) => <Badge tone={row.original.kind === "PROMOTIONAL" ? "warning" : "neutral"}>{row.original.kind === "PROMOTIONAL" ? "Promotional" : "Regular"}</Badge> },
            { id: "points", header: "Points", meta: { align: "right" }, cell: ({ row }) => row.original.points },
          ]}
          rows={schedule}
          rowKey={(s) => `${s.expiresOn ?? "never"}-${s.kind}`}
          empty="No open points: nothing to expire."
        />
      </section>
      <TierHistory orgId={orgId} customerId={customerId} programId={programId} />
    </div>
  );
}
