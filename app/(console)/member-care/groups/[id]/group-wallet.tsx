import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { ProgramDetail } from "@/lib/groups/wallet";
import type { GroupWallets } from "@/lib/groups/wallet-view";

const FIGURES: DataTableColumn<ProgramDetail>[] = [
  { id: "current", header: "Current", meta: { align: "right" }, cell: ({ row }) => row.original.currentPoints },
  { id: "lifetime", header: "Lifetime", meta: { align: "right" }, cell: ({ row }) => row.original.lifetimePoints },
  { id: "redeemed", header: "Redeemed", meta: { align: "right" }, cell: ({ row }) => row.original.redeemedPoints },
  { id: "expired", header: "Expired", meta: { align: "right" }, cell: ({ row }) => row.original.expiredPoints },
];

const PER_PROGRAM: DataTableColumn<ProgramDetail>[] = [
  { id: "program", header: "Program", cell: ({ row: { original: p } }) => <>{p.programName}{p.isDefault ? <Badge className="ml-2">Default</Badge> : null}</> },
  ...FIGURES,
];

const COMBINED: DataTableColumn<ProgramDetail>[] = [
  { id: "program", header: "Wallet", cell: ({ row: { original: p } }) => <>All programs <span className="text-slate-500">(kept in {p.programName})</span></> },
  ...FIGURES,
];

const LEFT_OVER: DataTableColumn<ProgramDetail>[] = [
  { id: "program", header: "Program", cell: ({ row }) => row.original.programName },
  ...FIGURES,
];

/**
 * The group wallet as the org keeps it (CONF_ENABLE_GROUP_POINTS_BY_PROGRAM, "Group wallet per
 * program" in Settings → Configs): one per program, or one combined; the heading and the line
 * under it say which, so an agent answering "where are our points?" knows which balance counts.
 */
export function GroupWallet({ view }: { view: GroupWallets }) {
  const combined = view.mode === "COMBINED";
  const defaultProgram = view.wallets[0]?.programName ?? "the default program";
  return (
    <section aria-labelledby="wallet-heading" className="mb-6">
      <h2 id="wallet-heading" className="text-lg font-semibold">{combined ? "Group wallet: one for all programs" : "Group wallets: one per program"}</h2>
      <p className="mb-2 text-sm text-slate-600" data-testid="wallet-mode">
        {combined
          ? `This org keeps one combined group wallet (“Group wallet per program” is off): group points earned in any program are kept in ${defaultProgram}, the default program, and every group redemption draws on them.`
          : "This org keeps a separate group wallet in each program (“Group wallet per program” is on): points earned in a program stay in its wallet, and a redemption in a program draws only on that wallet."}
      </p>
      <DataTable
        caption={combined ? "Combined group wallet" : "Group points per program"}
        columns={combined ? COMBINED : PER_PROGRAM}
        rows={view.wallets}
        rowKey={(p) => p.programId}
        empty="This org has no default program, so the group has no wallet."
      />
      {view.leftOver.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-semibold text-slate-700">Left in per-program wallets</h3>
          <p className="mb-2 text-sm text-slate-600">Kept from when the org had a wallet per program. Group redemptions no longer draw on these.</p>
          <DataTable caption="Points left in per-program group wallets" columns={LEFT_OVER} rows={view.leftOver} rowKey={(p) => p.programId} />
        </div>
      ) : null}
    </section>
  );
}
