import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { TierRowActions } from "./tier-row-actions";

export type TierRow = { id: number; number: number; name: string; threshold: number; renewalThreshold: number | null; description: string; members: number };

const amount = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });

/** The program's tiers, lowest first; editors get Edit on every tier and Remove on the top one. */
export function TierTable({ programId, tiers, basisLabel, canWrite }: { programId: number; tiers: TierRow[]; basisLabel: string; canWrite: boolean }) {
  const top = tiers.at(-1);
  const columns: DataTableColumn<TierRow>[] = [
    { id: "number", header: "Number", meta: { className: "tabular-nums" }, cell: ({ row }) => row.original.number },
    {
      id: "tier", header: "Tier",
      cell: ({ row: { original: t } }) => (
        <>
          <span className="font-medium">{t.name}</span>
          {t.description ? <span className="block text-xs text-slate-500">{t.description}</span> : null}
        </>
      ),
    },
    { id: "threshold", header: `Upgrade at (${basisLabel})`, meta: { align: "right" }, cell: ({ row }) => amount.format(row.original.threshold) },
    {
      id: "renewal", header: "Keep with", meta: { align: "right" },
      cell: ({ row: { original: t } }) => (t.number === 1 ? "Never expires" : amount.format(t.renewalThreshold ?? t.threshold)),
    },
    { id: "members", header: "Members", meta: { align: "right" }, cell: ({ row }) => row.original.members },
  ];
  if (canWrite) {
    columns.push({
      id: "actions", header: "Actions", meta: { align: "right", srOnlyHeader: true },
      cell: ({ row: { original: t } }) => <TierRowActions programId={programId} tier={t} removable={t.id === top?.id && tiers.length > 1} />,
    });
  }
  return <DataTable caption="Tiers" columns={columns} rows={tiers} rowKey={(t) => t.id} empty="No tiers yet: add the first one below." />;
}
