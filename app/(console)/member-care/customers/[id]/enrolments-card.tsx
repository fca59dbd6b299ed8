import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EnrolmentView } from "@/lib/customers/customer-view";
import { formatDate } from "@/lib/format/date";

const VIA: Record<string, string> = {
  REGISTRATION: "Registration",
  CARD: "Card series",
  SINGLE_ENROLL: "Enrol in all programs",
  TRANSACTION: "First transaction",
  REQUEST: "Requested",
};
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** Program-wise details, default program first (SPEC §7: in MLP orgs, each program with its KPIs). */
export function EnrolmentsCard({ enrolments }: { enrolments: EnrolmentView[] }) {
  return (
    <Card className="overflow-x-auto">
      <h2 className="px-4 pt-4 text-base font-semibold text-slate-900">Programs</h2>
      {enrolments.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">Not enrolled in any program (a non-loyalty customer, or not yet enrolled).</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Program enrolments</caption>
          <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Program</th>
              <th scope="col" className="px-4 py-2">Tier</th>
              <th scope="col" className="px-4 py-2 text-right">Current points</th>
              <th scope="col" className="px-4 py-2 text-right">Lifetime points</th>
              <th scope="col" className="px-4 py-2 text-right">Lifetime purchases</th>
              <th scope="col" className="px-4 py-2 text-right">Visits</th>
              <th scope="col" className="px-4 py-2">Enrolled</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {enrolments.map((e) => (
              <tr key={e.programId}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                  {e.programName} {e.isDefault ? <Badge tone="info">Default</Badge> : null}
                  {!e.programActive ? <Badge className="ml-1">Inactive</Badge> : null}
                </th>
                <td className="px-4 py-2">
                  {e.tier ? e.tier.name : <span className="text-slate-500">None</span>}
                  {e.nextTier ? <span className="block text-xs text-slate-500">Next: {e.nextTier.name}</span> : null}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{NUMBER.format(e.currentPoints)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{NUMBER.format(e.lifetimePoints)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{NUMBER.format(e.lifetimePurchases)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{e.visits}</td>
                <td className="px-4 py-2 text-slate-600">
                  {formatDate(e.enrolledAt)}
                  <span className="block text-xs text-slate-500">{VIA[e.enrolledVia] ?? e.enrolledVia}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
