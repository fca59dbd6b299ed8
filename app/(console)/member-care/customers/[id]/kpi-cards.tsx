import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EnrolmentView } from "@/lib/customers/customer-view";

const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Program-wise KPIs, default program first (seed 003: "program-wise details with program-level KPIs"). */
export function KpiCards({ enrolments }: { enrolments: EnrolmentView[] }) {
  if (enrolments.length === 0) {
    return <Card className="p-4 text-sm text-slate-600">Not enrolled in any program (a non-loyalty customer, or not yet enrolled).</Card>;
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {enrolments.map((e) => (
        <Card key={e.programId} className="p-4">
          <section aria-label={`Program ${e.programName}`}>
            <h2 className="flex flex-wrap items-center gap-1 text-sm font-semibold text-slate-900">
              {e.programName} {e.isDefault ? <Badge tone="info">Default</Badge> : null}
              {!e.programActive ? <Badge>Inactive</Badge> : null}
            </h2>
            <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
              <Kpi label="Current points" value={NUMBER.format(e.currentPoints)} strong />
              <Kpi label="Lifetime points" value={NUMBER.format(e.lifetimePoints)} />
              <Kpi label="Lifetime purchases" value={NUMBER.format(e.lifetimePurchases)} />
              <Kpi label="Tier" value={e.tier?.name ?? "None"} hint={e.tierExpiresAt ? `until ${DATE.format(e.tierExpiresAt)}` : e.nextTier ? `next: ${e.nextTier.name}` : undefined} />
              <Kpi label="Transactions" value={String(e.visits)} />
              <Kpi label="Enrolled" value={DATE.format(e.enrolledAt)} />
            </dl>
          </section>
        </Card>
      ))}
    </div>
  );
}

function Kpi({ label, value, hint, strong }: { label: string; value: string; hint?: string | undefined; strong?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={strong ? "text-xl font-semibold tabular-nums text-slate-900" : "font-medium tabular-nums text-slate-900"}>{value}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}
