"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendBucket } from "@/lib/ledger/trend-shape";

/**
 * Points issued, redeemed and expired (bars, left axis) and active members (a line, right axis)
 * per bucket (Recharts). A picture of the table beside it, so hidden from screen readers.
 */
export function TrendChart({ buckets, height = 260 }: { buckets: TrendBucket[]; height?: number }) {
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="start" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis yAxisId="points" tick={{ fontSize: 12 }} width={64} />
          <YAxis yAxisId="members" orientation="right" tick={{ fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="points" dataKey="issued" name="Issued" fill="#2563eb" isAnimationActive={false} />
          <Bar yAxisId="points" dataKey="redeemed" name="Redeemed" fill="#16a34a" isAnimationActive={false} />
          <Bar yAxisId="points" dataKey="expired" name="Expired" fill="#d97706" isAnimationActive={false} />
          <Line yAxisId="members" type="monotone" dataKey="activeMembers" name="Active members" stroke="#7c3aed" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
