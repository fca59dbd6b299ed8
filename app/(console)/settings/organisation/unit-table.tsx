import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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

export function UnitTable({ kind, rows, canWrite, choices }: { kind: OrgUnitKind; rows: OrgUnitRow[]; canWrite: boolean; choices: Choices }) {
  const labels = ORG_UNIT_LABELS[kind];
  if (rows.length === 0) {
    return (
      <EmptyState title={`No ${labels.many} yet`}>
        {EMPTY_TEXT[kind]} {canWrite ? "" : "An admin adds them."}
      </EmptyState>
    );
  }
  const child = CHILD_KIND[kind];
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{labels.many}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">Code</th>
            <th scope="col" className="px-4 py-3">Name</th>
            {kind === "cardSeries" ? <th scope="col" className="px-4 py-3">Card prefix</th> : null}
            {kind === "store" ? <th scope="col" className="px-4 py-3">Zone</th> : null}
            {kind === "store" ? <th scope="col" className="px-4 py-3">Concept</th> : null}
            {kind === "till" ? <th scope="col" className="px-4 py-3">Store</th> : null}
            {child ? <th scope="col" className="px-4 py-3">Active {ORG_UNIT_LABELS[child].many}</th> : null}
            <th scope="col" className="px-4 py-3">Status</th>
            {canWrite ? (
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className={row.active ? undefined : "text-slate-500"}>
              <td className="px-4 py-3 font-mono text-xs font-medium">{row.code}</td>
              <td className="px-4 py-3">{row.name}</td>
              {kind === "cardSeries" ? <td className="px-4 py-3 font-mono text-xs">{row.prefix ?? "—"}</td> : null}
              {kind === "store" ? <td className="px-4 py-3">{refText(row.zone)}</td> : null}
              {kind === "store" ? <td className="px-4 py-3">{refText(row.concept)}</td> : null}
              {kind === "till" ? <td className="px-4 py-3">{refText(row.store)}</td> : null}
              {child ? <td className="px-4 py-3">{row.activeChildren}</td> : null}
              <td className="px-4 py-3">{row.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}</td>
              {canWrite ? (
                <td className="px-4 py-3">
                  <UnitRowActions row={row} choices={choices} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function refText(ref: UnitChoice | null): string {
  if (!ref) return "—";
  return `${ref.code} · ${ref.name}${ref.active ? "" : " (deactivated)"}`;
}
