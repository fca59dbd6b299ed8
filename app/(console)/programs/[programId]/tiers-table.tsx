const threshold = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });

/** A program's tiers, read-only (editing tiers is its own screen). */
export function TiersTable({ tiers }: { tiers: { id: number; number: number; name: string; threshold: string }[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Tiers</caption>
      <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-4 py-2">Number</th>
          <th scope="col" className="px-4 py-2">Tier</th>
          <th scope="col" className="px-4 py-2 text-right">Threshold</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tiers.map((tier) => (
          <tr key={tier.id}>
            <td className="px-4 py-2 tabular-nums">{tier.number}</td>
            <td className="px-4 py-2 font-medium">{tier.name}</td>
            <td className="px-4 py-2 text-right tabular-nums">{threshold.format(Number(tier.threshold))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
