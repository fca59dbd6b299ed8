"use client";

import { useMemo } from "react";
import type { Schema } from "@/lib/expr";
import { analyseActivity, describeWitness } from "@/lib/workflows/analysis";
import type { ActivityCode, WorkflowDocument } from "@/lib/workflows/schema";

// Mutual exclusivity before publish (issue 8, seed 001): two allocation conditions that can both
// fire credit twice; an event none covers earns nothing. Each finding names a witness event.

export function AnalysisPanel({ document, activity, schema }: { document: WorkflowDocument; activity: ActivityCode; schema: Schema }) {
  const { report, names, conditions } = useMemo(() => analyseActivity(document, activity, schema), [document, activity, schema]);
  const expressions = useMemo(
    () => (document.activities.find((a) => a.activity === activity)?.rulesets ?? []).flatMap((r) => r.conditions.map((c) => c.expression)),
    [document, activity],
  );
  return (
    <section aria-label="Analysis" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-slate-900">Mutual exclusivity of allocation conditions</h3>
      {!report ? (
        <p className="mt-1 text-sm text-slate-500">No condition of this activity allocates points yet.</p>
      ) : (
        <div className="mt-2 space-y-2 text-sm">
          {conditions.length < 2 ? null : report.overlaps.length === 0 && report.pairs.every((p) => p.status === "disjoint") ? (
            <p className="text-green-700">No overlap: no event makes two allocation conditions true.</p>
          ) : null}
          {report.overlaps.map((o) => (
            <div key={`${o.a}-${o.b}`} role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-red-800">
              <p className="font-medium">
                Overlap: “{names.get(o.a)}” and “{names.get(o.b)}” can both fire for one event, crediting points twice.
              </p>
              <p className="mt-1">For example, an event where:</p>
              <Witness lines={describeWitness(o.witness, expressions)} />
            </div>
          ))}
          {report.pairs
            .filter((p) => p.status === "unknown")
            .map((p) => (
              <p key={`${p.a}-${p.b}`} className="text-amber-700">
                “{names.get(p.a)}” and “{names.get(p.b)}”: could not be decided. {"reason" in p ? p.reason : ""}
              </p>
            ))}
          {report.gap.status === "gap" ? (
            <div className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-900">
              <p className="font-medium">Gap: an event no allocation condition covers earns no points.</p>
              <p className="mt-1">For example, an event where:</p>
              <Witness lines={describeWitness(report.gap.witness, expressions)} />
            </div>
          ) : report.gap.status === "covered" ? (
            <p className="text-green-700">No gap: every event is covered by an allocation condition.</p>
          ) : (
            <p className="text-amber-700">Gaps could not be decided: {report.gap.reason}</p>
          )}
        </div>
      )}
    </section>
  );
}

function Witness({ lines }: { lines: readonly { path: string; value: string }[] }) {
  return (
    <ul className="ml-4 list-disc font-mono text-xs">
      {lines.map((l) => (
        <li key={l.path}>
          {l.path} is {l.value}
        </li>
      ))}
    </ul>
  );
}
