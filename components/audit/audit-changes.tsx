import { diffAuditValues, formatAuditValue } from "@/lib/org/audit-log-diff";

const KIND_STYLE = { added: "text-emerald-700", removed: "text-red-700", changed: "text-amber-800", same: "text-slate-500" } as const;

/** The before/after of one entry, folded by default: a native <details> opens with Enter or Space. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffAuditValues(before, after);
  if (rows.length === 0) return <span className="text-slate-500">No details</span>;
  const changed = rows.filter((r) => r.kind !== "same").length;
  return (
    <details className="group">
      <summary className="cursor-pointer text-brand-700 hover:underline">
        {changed} {changed === 1 ? "field" : "fields"} changed
      </summary>
      <table className="mt-2 w-full min-w-80 text-xs">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="pr-3 text-left font-medium">Field</th>
            <th scope="col" className="pr-3 text-left font-medium">Before</th>
            <th scope="col" className="text-left font-medium">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={KIND_STYLE[r.kind]}>
              <th scope="row" className="pr-3 text-left font-mono font-normal">{r.key}</th>
              <td className="break-all pr-3 font-mono">{formatAuditValue(r.before)}</td>
              <td className="break-all font-mono">
                {formatAuditValue(r.after)}
                <span className="sr-only"> ({r.kind})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
