import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { CustomerIdentifierView } from "@/lib/customers/customer-view";
import { IDENTIFIER_LABELS } from "@/lib/customers/identifier-labels";

/** The customer's identifiers, grouped by source (and account), cards with their series and status. */
export function IdentifiersCard({ identifiers }: { identifiers: CustomerIdentifierView[] }) {
  const slots = [...new Set(identifiers.map((i) => `${i.source}${i.accountId ? ` · ${i.accountId}` : ""}`))];
  return (
    <Card className="p-4">
      <h2 className="text-base font-semibold text-slate-900">Identifiers</h2>
      {slots.map((slot) => (
        <section key={slot} aria-label={`Source ${slot}`} className="mt-3">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{slot}</h3>
          <dl className="mt-1 divide-y divide-slate-100 text-sm">
            {identifiers
              .filter((i) => `${i.source}${i.accountId ? ` · ${i.accountId}` : ""}` === slot)
              .map((i) => (
                <div key={`${i.type}-${i.value}`} className="flex items-baseline justify-between gap-3 py-1.5">
                  <dt className="text-slate-500">{IDENTIFIER_LABELS[i.type]}</dt>
                  <dd className="text-right">
                    <span className="font-mono text-slate-900">{i.value}</span>
                    {i.cardSeries ? (
                      <span className="block text-xs text-slate-500">
                        {i.cardSeries.name} ({i.cardSeries.code}) {i.status ? <Badge tone={i.status === "ACTIVE" ? "success" : "warning"}>{i.status}</Badge> : null}
                      </span>
                    ) : null}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </Card>
  );
}
