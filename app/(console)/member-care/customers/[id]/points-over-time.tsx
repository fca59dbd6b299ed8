import { PointsChart } from "@/components/charts/points-chart";
import { Card } from "@/components/ui/card";
import { balanceOverTime } from "@/lib/ledger/series";
import { chartRows } from "@/lib/ledger/series-shape";

/** The customer's points over time, a line per program (the ledger's postings by day, accumulated). */
export async function PointsOverTime({ orgId, customerId, programs }: { orgId: number; customerId: number; programs: { id: number; name: string }[] }) {
  const points = await balanceOverTime({ orgId, owner: { type: "CUSTOMER", id: customerId } });
  const shown = programs.filter((p) => points.some((x) => x.programId === p.id));
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold text-slate-900">Points over time</h2>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No points have moved yet.</p>
      ) : (
        <div className="mt-2" data-testid="points-chart">
          <PointsChart data={chartRows(points, shown.map((p) => p.id))} series={shown.map((p) => ({ key: `p${p.id}`, label: p.name }))} />
        </div>
      )}
    </Card>
  );
}
