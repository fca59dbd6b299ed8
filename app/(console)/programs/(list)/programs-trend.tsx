import { TrendChart } from "@/components/charts/trend-chart";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { ledgerTrend } from "@/lib/ledger/trend";
import { hasActivity, TREND_GRAINS, type TrendGrain } from "@/lib/ledger/trend-shape";

const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/**
 * The programs overview (seed 003's MLP overview): the org's, or one program's, points issued,
 * redeemed and expired and its active members (customers whose wallet moved) per day or week.
 * The selector is a GET form, so the choice is in the URL and the back button returns to it.
 */
export async function ProgramsTrend({ orgId, programs, programId, grain }: { orgId: number; programs: { id: number; name: string }[]; programId: number | undefined; grain: TrendGrain }) {
  const shown = programs.find((p) => p.id === programId);
  const buckets = await ledgerTrend({ orgId, programId: shown?.id, grain });
  const scope = shown ? shown.name : "All programs";
  return (
    <Card className="mb-6 p-4">
      <section aria-labelledby="trend-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="trend-heading" className="text-base font-semibold text-slate-900">Points and members over time</h2>
            <p className="text-sm text-slate-600">{scope} · {TREND_GRAINS[grain].label} (UTC)</p>
          </div>
          <form method="get" action="/programs" aria-label="Trend" className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="block text-xs font-medium text-slate-600">Program</span>
              <Select name="trendProgram" defaultValue={shown ? String(shown.id) : ""} className="w-56">
                <option value="">All programs</option>
                {programs.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              <span className="block text-xs font-medium text-slate-600">Period</span>
              <Select name="trendGrain" defaultValue={grain} className="w-40">
                <option value="week">By week</option>
                <option value="day">By day</option>
              </Select>
            </label>
            <Button type="submit" variant="secondary">Show</Button>
          </form>
        </div>
        {hasActivity(buckets) ? (
          <>
            <div className="mt-3" data-testid="programs-trend-chart">
              <TrendChart buckets={buckets} />
            </div>
            <table className="sr-only">
              <caption>Points and members by {grain} for {scope}</caption>
              <thead>
                <tr>
                  <th scope="col">{grain === "day" ? "Day" : "Week of"}</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Redeemed</th>
                  <th scope="col">Expired</th>
                  <th scope="col">Active members</th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((b) => (
                  <tr key={b.start} data-bucket={b.start}>
                    <th scope="row">{b.start}</th>
                    <td>{NUMBER.format(b.issued)}</td>
                    <td>{NUMBER.format(b.redeemed)}</td>
                    <td>{NUMBER.format(b.expired)}</td>
                    <td>{b.activeMembers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600" role="status">
            No points moved in {scope.toLowerCase() === "all programs" ? "any program" : scope} in the {TREND_GRAINS[grain].label.toLowerCase()}: nothing to chart yet.
          </p>
        )}
      </section>
    </Card>
  );
}
