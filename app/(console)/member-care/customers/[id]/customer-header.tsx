import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import type { CustomerView } from "@/lib/customers/customer-view";
import { IDENTIFIER_LABELS } from "@/lib/customers/identifier-labels";
import type { CustomerGroupRow } from "@/lib/groups/queries";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const HEADLINE_IDS = ["MOBILE", "EMAIL", "EXTERNAL_ID", "CARD_NUMBER"] as const;

/** Who this is at a glance (SPEC §7): name, the identifiers agents ask for, tier per program, groups, status. */
export function CustomerHeader({ customer, groups }: { customer: CustomerView; groups: CustomerGroupRow[] }) {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || `Customer ${customer.id}`;
  const ids = HEADLINE_IDS.flatMap((type) => customer.identifiers.filter((i) => i.type === type).slice(0, 1));
  const current = groups.filter((g) => !g.exitedAt);
  return (
    <>
      <PageHeader
        title={name}
        description={`Customer ${customer.id} · joined ${DATE.format(customer.joinedAt)}${customer.registeredTill ? ` at ${customer.registeredTill.code}` : ""}`}
        actions={
          <Badge tone={customer.loyaltyType === "LOYALTY" ? "success" : "neutral"} data-testid="customer-status">
            {customer.mergedIntoId !== null ? "Merged" : customer.loyaltyType === "LOYALTY" ? "Loyalty member" : "Non-loyalty"}
          </Badge>
        }
      />
      <dl className="-mt-2 mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Customer summary">
        {ids.map((i) => (
          <div key={i.type}>
            <dt className="text-xs text-slate-500">{IDENTIFIER_LABELS[i.type]}</dt>
            <dd className="font-mono">{i.value}</dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-slate-500">Tier</dt>
          <dd className="space-x-1">
            {customer.enrolments.length === 0 ? <span className="text-slate-500">Not enrolled</span> : null}
            {customer.enrolments.map((e) => (
              <Badge key={e.programId} tone="info" title={e.programName}>
                {e.programName}: {e.tier?.name ?? "no tier"}
              </Badge>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Groups</dt>
          <dd className="space-x-2">
            {current.length === 0 ? <span className="text-slate-500">None</span> : null}
            {current.map((g) => (
              <span key={g.groupId}>
                <Link href={`/member-care/groups/${g.groupId}`} className="text-brand-700 hover:underline">{g.groupName || g.externalId}</Link>
                <span className="text-slate-500"> ({g.primaryMember ? "primary" : "secondary"}{g.defaultGroup ? ", default group" : ""})</span>
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </>
  );
}
