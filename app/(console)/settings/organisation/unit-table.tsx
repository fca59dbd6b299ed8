import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { Page, TableUrl } from "@/lib/pagination";
import type { OrgUnitRow, UnitChoice } from "@/lib/programs/org-structure/queries";
import { CHILD_KIND } from "@/lib/programs/org-structure/rules";
import { ORG_UNIT_LABELS, type OrgUnitKind } from "@/lib/programs/org-structure/schema";
import type { Choices } from "./unit-form";
import { UnitRowActions } from "./unit-row-actions";

const EMPTY_TEXT: Record<OrgUnitKind, string> = {
  zone: "Zones are regions (or countries) your stores sit in. A zone-type org maps programs to zones.",
  concept: "Concepts are brands or business units. A concept-type org maps programs to concepts.",
  cardSeries: "Card series group loyalty cards; a card-series-type org maps programs to them.",
  store: "A store sits in one zone and one concept. Create a zone and a concept first.",
  till: "A till is a point of sale in a store; every event names its till. Create a store first.",
};

export function UnitTable({ kind, units, url, canWrite, choices }: { kind: OrgUnitKind; units: Page<OrgUnitRow>; url: TableUrl; canWrite: boolean; choices: Choices }) {
  const rows = units.rows;
  const labels = ORG_UNIT_LABELS[kind];
  if (rows.length === 0) {
    return (
      <EmptyState title={`No ${labels.many} yet`}>
        {EMPTY_TEXT[kind]} {canWrite ? "" : "An admin adds them."}
      </EmptyState>
    );
  }
  return (
    <DataTable
      caption={labels.many}
      columns={columnsFor(kind, canWrite, choices)}
      rows={rows}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.active ? undefined : "text-slate-500")}
      url={url}
      paging={units}
    />
  );
}

function columnsFor(kind: OrgUnitKind, canWrite: boolean, choices: Choices): DataTableColumn<OrgUnitRow>[] {
  const child = CHILD_KIND[kind];
  const columns: (DataTableColumn<OrgUnitRow> | false)[] = [
    { id: "code", header: "Code", meta: { className: "font-mono text-xs font-medium" }, cell: ({ row }) => row.original.code },
    { id: "name", header: "Name", cell: ({ row }) => row.original.name },
    kind === "cardSeries" && { id: "prefix", header: "Card prefix", meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.prefix ?? "—" },
    kind === "store" && { id: "zone", header: "Zone", cell: ({ row }) => refText(row.original.zone) },
    kind === "store" && { id: "concept", header: "Concept", cell: ({ row }) => refText(row.original.concept) },
    kind === "till" && { id: "store", header: "Store", cell: ({ row }) => refText(row.original.store) },
    child !== undefined && child !== null && { id: "children", header: `Active ${ORG_UNIT_LABELS[child].many}`, cell: ({ row }) => row.original.activeChildren },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (row.original.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>),
    },
    canWrite && { id: "actions", header: "Actions", meta: { srOnlyHeader: true }, cell: ({ row }) => <UnitRowActions row={row.original} choices={choices} /> },
  ];
  return columns.filter((c): c is DataTableColumn<OrgUnitRow> => c !== false);
}

function refText(ref: UnitChoice | null): string {
  if (!ref) return "—";
  return `${ref.code} · ${ref.name}${ref.active ? "" : " (deactivated)"}`;
}
