import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import type { LedgerEntry } from "@/lib/ledger/history";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 4, signDisplay: "exceptZero" });
const MEMBER_ROLE = { REDEEMED: "redeemed", TRANSFER_OUT: "asked for the transfer", TRANSFER_IN: "sent the points" } as const;
const KIND_LABEL: Record<string, string> = { EARN: "Earned", REDEEM: "Redeemed", TRANSFER: "Transfer", EXPIRE: "Expired", ADJUST: "Adjusted", REVERSE: "Reversed", RETURN: "Returned" };

/**
 * The ledger's columns, shared by the customer's and the group's ledgers: when, what, points,
 * balance after, and why: the bill (and on a group wallet the member whose bill it was, or who
 * redeemed or moved the points), the transfer's other side, the workflow version and condition,
 * or the agent or API client, with their notes.
 */
export function ledgerColumns({ showMember }: { showMember: boolean }): DataTableColumn<LedgerEntry>[] {
  return [
    {
      id: "at",
      header: "When (UTC)",
      enableSorting: true,
      sortDescFirst: true,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => <time dateTime={row.original.at.toISOString()}>{DATE_TIME.format(row.original.at)}</time>,
    },
    { id: "kind", header: "Movement", cell: ({ row }) => <Badge tone={row.original.points >= 0 ? "success" : "neutral"}>{KIND_LABEL[row.original.kind] ?? row.original.kind}</Badge> },
    { id: "points", header: "Points", meta: { align: "right" }, cell: ({ row }) => NUMBER.format(row.original.points) },
    { id: "balance", header: "Balance after", meta: { align: "right" }, cell: ({ row }) => NUMBER.format(row.original.balanceAfter).replace(/^\+/, "") },
    ...(showMember
      ? [{
          id: "member",
          header: "Member",
          cell: ({ row: { original: e } }) =>
            e.transaction ? (
              <Link href={`/member-care/customers/${e.transaction.customerId}`} className="text-brand-700 hover:underline">{e.transaction.customerName}</Link>
            ) : e.member ? (
              <>
                <Link href={`/member-care/customers/${e.member.customerId}`} className="text-brand-700 hover:underline">{e.member.name}</Link>
                <div className="text-xs text-slate-500">{MEMBER_ROLE[e.member.role]}</div>
              </>
            ) : (
              <span className="text-slate-400">—</span>
            ),
        } satisfies DataTableColumn<LedgerEntry>]
      : []),
    { id: "why", header: "Why", cell: ({ row }) => <Provenance entry={row.original} /> },
  ];
}

function Provenance({ entry: e }: { entry: LedgerEntry }) {
  return (
    <div className="space-y-0.5">
      {e.transaction ? <div>Bill <span className="font-mono">{e.transaction.number}</span></div> : null}
      {e.workflow ? (
        <div className="text-xs text-slate-600">
          Workflow v{e.workflow.number}
          {e.workflow.conditionId ? <> · condition <span className="font-mono">{e.workflow.conditionId}</span></> : null}
        </div>
      ) : null}
      {e.transfer ? (
        <div>
          {e.transfer.direction === "OUT" ? "Transferred to " : "Transferred in from "}
          <Link
            href={e.transfer.party.type === "CUSTOMER" ? `/member-care/customers/${e.transfer.party.id}` : `/member-care/groups/${e.transfer.party.id}`}
            className="text-brand-700 hover:underline"
          >
            {e.transfer.party.name}
          </Link>
        </div>
      ) : null}
      {e.reversesId !== null ? <div className="text-xs text-slate-600">Reverses movement {e.reversesId}</div> : null}
      {e.notes ? <div className="text-slate-800">{e.notes}</div> : null}
      <div className="text-xs text-slate-500">
        {e.actor.type === "USER" ? "Agent" : e.actor.type === "API_CLIENT" ? "API client" : "System"}: {e.actor.label}
        {e.sourceType && e.sourceType !== "TRANSACTION" ? ` · ${e.sourceType.toLowerCase().replace(/_/g, " ")}` : ""}
      </div>
    </div>
  );
}
