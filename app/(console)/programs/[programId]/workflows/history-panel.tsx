"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useRunAction } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import type { WorkflowDiff } from "@/lib/workflows/diff";
import { diffWorkflowVersionsAction, restoreWorkflowVersionAction } from "./actions";
import { formatDateTime } from "@/lib/format/date";

// History (issue 8): every version, any two compared, an old one restored as the draft.

export type HistoryRow = { number: number; state: "DRAFT" | "LIVE" | "RETIRED"; note: string; author: string | null; publishedBy: string | null; publishedAt: string | null; updatedAt: string; conditionCount: number; restoredFromNumber: number | null };

const TONE = { LIVE: "success", DRAFT: "warning", RETIRED: "neutral" } as const;

export function HistoryPanel({ programId, rows, canEdit, dirty }: { programId: number; rows: readonly HistoryRow[]; canEdit: boolean; dirty: boolean }) {
  // Until chosen, compare the two newest versions (rows arrive newest first and grow on refresh).
  const [chosenFrom, setFrom] = useState<number | null>(null);
  const [chosenTo, setTo] = useState<number | null>(null);
  const from = chosenFrom ?? rows[1]?.number ?? rows[0]?.number ?? 0;
  const to = chosenTo ?? rows[0]?.number ?? 0;
  const [diff, setDiff] = useState<{ from: number; to: number; diff: WorkflowDiff } | null>(null);
  const run = useRunAction();
  if (rows.length === 0) return <p className="text-sm text-slate-500">No versions yet: Save and Continue creates the first draft.</p>;
  return (
    <div className="space-y-6">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Workflow versions</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1">Version</th>
            <th>State</th>
            <th>Note</th>
            <th>Saved by</th>
            <th>Published</th>
            <th>Conditions</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} className="border-t border-slate-100">
              <td className="py-2 font-medium">v{r.number}{r.restoredFromNumber ? <span className="text-xs text-slate-500"> (restored from v{r.restoredFromNumber})</span> : null}</td>
              <td>
                <Badge tone={TONE[r.state]}>{r.state}</Badge>
              </td>
              <td>{r.note || <span className="text-slate-400">—</span>}</td>
              <td>{r.author ?? "—"}</td>
              <td>{r.publishedAt ? `${formatDateTime(r.publishedAt)} by ${r.publishedBy ?? "?"}` : "—"}</td>
              <td>{r.conditionCount}</td>
              <td className="text-right">
                {canEdit && r.state !== "DRAFT" ? (
                  <ConfirmDialog
                    title={`Restore version ${r.number} as the draft?`}
                    body={dirty ? "Your unsaved edits will be lost, and the current draft is replaced by this version's rules." : "The current draft, if any, is replaced by this version's rules. Nothing goes LIVE until you publish."}
                    confirmLabel="Restore"
                    tone="primary"
                    onConfirm={async () => {
                      const out = await run(() => restoreWorkflowVersionAction({ programId, number: r.number }), `Version ${r.number} restored as the draft`);
                      if (out && !out.restored) toast.error(`Version ${r.number} no longer checks: ${out.problems[0]?.message ?? ""}`);
                    }}
                    trigger={(open) => (
                      <Button variant="ghost" size="sm" onClick={open}>
                        Restore v{r.number}
                      </Button>
                    )}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label="Compare versions"
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await diffWorkflowVersionsAction({ programId, from, to });
          if (result.ok) setDiff(result.data);
          else toast.error(result.error.message);
        }}
      >
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-600">From</span>
          <Select value={from} onChange={(e) => setFrom(Number(e.target.value))} className="w-28">
            {rows.map((r) => (
              <option key={r.number} value={r.number}>
                v{r.number}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-600">To</span>
          <Select value={to} onChange={(e) => setTo(Number(e.target.value))} className="w-28">
            {rows.map((r) => (
              <option key={r.number} value={r.number}>
                v{r.number}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          Compare
        </Button>
      </form>
      {diff ? <DiffView diff={diff.diff} from={diff.from} to={diff.to} /> : null}
    </div>
  );
}

function DiffView({ diff, from, to }: { diff: WorkflowDiff; from: number; to: number }) {
  return (
    <section aria-label={`Changes from v${from} to v${to}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h3 className="font-semibold">
        v{from} → v{to}: {diff.counts.added} added, {diff.counts.removed} removed, {diff.counts.changed} changed
      </h3>
      {diff.changes.length === 0 ? <p className="mt-1 text-slate-500">The two versions have the same rules.</p> : null}
      {diff.changes.map((r) => (
        <div key={`${r.activity}-${r.ruleset}`} className="mt-3">
          <p className="font-medium">
            {r.activity} · ruleset {r.ruleset} <span className="text-xs text-slate-500">({r.status}{r.settingsChanged ? ", scope or cap changed" : ""})</span>
          </p>
          <ul className="mt-1 space-y-2">
            {r.conditions.map((c, i) => (
              <li key={i} className="rounded border border-slate-100 p-2">
                {c.status === "changed" ? (
                  <>
                    <p>
                      <span className="font-medium text-amber-700">Changed</span> {c.after.name} ({c.fields.join(", ")})
                    </p>
                    {c.expression ? (
                      <p className="mt-1 font-mono text-xs" aria-label="Expression diff">
                        {c.expression.map((p, j) => (
                          <span key={j} className={p.change === "added" ? "bg-green-100 text-green-900" : p.change === "removed" ? "bg-red-100 text-red-900 line-through" : ""}>
                            {p.text}
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p>
                    <span className={c.status === "added" ? "font-medium text-green-700" : "font-medium text-red-700"}>{c.status === "added" ? "Added" : "Removed"}</span> {c.condition.name}:{" "}
                    <span className="font-mono text-xs">{c.condition.expression}</span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
