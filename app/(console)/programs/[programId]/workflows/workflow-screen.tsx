"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { check, type ExtendedFieldDecl } from "@/lib/expr";
import { conditionsOf } from "@/lib/workflows/check-document";
import { isDeepEqual } from "@/lib/workflows/deep-equal";
import { addRuleset, removeRuleset, rulesetsOf, updateRuleset } from "@/lib/workflows/document-ops";
import { schemaOf } from "@/lib/workflows/org-schema-client";
import { ACTIVITIES, workflowDocumentSchema, type ActivityCode, type WorkflowDocument } from "@/lib/workflows/schema";
import { cn } from "@/lib/utils";
import { discardWorkflowDraftAction, publishWorkflowAction, saveWorkflowDraftAction } from "./actions";
import { AnalysisPanel } from "./analysis-panel";
import { ApprovalPanel, type PendingRequest } from "./approval-panel";
import { HistoryPanel, type HistoryRow } from "./history-panel";
import { PublishDialog } from "./publish-dialog";
import { RulesetEditor } from "./ruleset-editor";
import { SimulatorPanel } from "./simulator-panel";
import { useLeaveGuard } from "./use-leave-guard";
import { formatDateTime } from "@/lib/format/date";

// The Workflows tab (issue 8, SPEC §5): activities on the left, their rulesets and ordered
// conditions in the middle; Save and Continue writes the draft, Publish changes makes it LIVE.

export type WorkflowScreenProps = {
  programId: number;
  draft: { number: number; revision: number; document: WorkflowDocument; author: string | null; updatedAt: string } | null;
  live: { number: number; document: WorkflowDocument; note: string; publishedBy: string | null; publishedAt: string | null; fields: ExtendedFieldDecl[] } | null;
  fields: ExtendedFieldDecl[];
  history: HistoryRow[];
  pending: PendingRequest | null;
  canEdit: boolean;
  canApprove: boolean;
  makerChecker: boolean;
  userId: number;
};

type Tab = "editor" | "simulator" | "history";

export function WorkflowScreen(props: WorkflowScreenProps) {
  const { programId, draft, live, fields, canEdit } = props;
  const router = useRouter();
  const run = useRunAction();
  const serverDoc = draft?.document ?? live?.document ?? { activities: [] };
  const serverKey = `${draft?.number ?? 0}.${draft?.revision ?? 0}.${live?.number ?? 0}`;
  const [doc, setDoc] = useState<WorkflowDocument>(serverDoc);
  const [saved, setSaved] = useState<WorkflowDocument>(serverDoc);
  const [activity, setActivity] = useState<ActivityCode>(() => serverDoc.activities.find((a) => a.rulesets.length > 0)?.activity ?? "TransactionAdd");
  const [tab, setTab] = useState<Tab>("editor");
  const [busy, setBusy] = useState(false);
  // A save or publish (here, after refresh, or elsewhere) brings a new server document.
  const [seenKey, setSeenKey] = useState(serverKey);
  if (seenKey !== serverKey) {
    setSeenKey(serverKey);
    setDoc(serverDoc);
    setSaved(serverDoc);
  }

  const schema = useMemo(() => schemaOf(fields), [fields]);
  const dirty = !isDeepEqual(doc, saved);
  useLeaveGuard(dirty);
  const errorCount = useMemo(() => conditionsOf(doc).reduce((n, l) => n + (check(l.condition.expression, schema).ok ? 0 : 1), 0), [doc, schema]);
  const rulesets = rulesetsOf(doc, activity);

  async function save() {
    if (errorCount > 0) {
      toast.error(`Fix ${errorCount === 1 ? "the condition with errors" : `the ${errorCount} conditions with errors`} before saving.`);
      return;
    }
    const parsed = workflowDocumentSchema.safeParse(doc);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      toast.error(`Cannot save: ${issue?.message ?? "the document is invalid"}`);
      return;
    }
    setBusy(true);
    try {
      const result = await saveWorkflowDraftAction({ programId, document: parsed.data, baseRevision: draft?.revision ?? null });
      if (!result.ok) return void toast.error(result.error.message);
      if (!result.data.saved) return void toast.error(`Not saved: ${result.data.problems.map((p) => `${p.conditionName}: ${p.message}`).join(" ")}`);
      toast.success(`Draft v${result.data.number} saved`);
      setSaved(doc);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function publish(note: string): Promise<boolean> {
    const result = await publishWorkflowAction({ programId, note, revision: draft?.revision ?? null });
    if (!result.ok) {
      toast.error(result.error.message);
      return false;
    }
    if (result.data.kind === "problems") {
      toast.error(`Cannot publish: ${result.data.problems.map((p) => `${p.conditionName}: ${p.message}`).join(" ")}`);
      return false;
    }
    toast.success(result.data.kind === "published" ? `Version ${result.data.number} is LIVE` : `Approval requested for version ${result.data.number}`);
    router.refresh();
    return true;
  }

  const targets = [
    ...(doc.activities.length > 0 || !live ? [{ label: dirty ? "This editor (unsaved edits)" : draft ? `Draft v${draft.number}` : "This editor", document: doc, fields }] : []),
    ...(live ? [{ label: `LIVE v${live.number}`, document: live.document, fields: live.fields }] : []),
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" data-testid="workflow-status">
          {live ? `LIVE: version ${live.number}${live.publishedAt ? `, published ${formatDateTime(live.publishedAt)}` : ""}${live.publishedBy ? ` by ${live.publishedBy}` : ""}.` : "Nothing is LIVE yet."}{" "}
          {draft ? <strong className="text-red-700">Draft v{draft.number} has unpublished changes.</strong> : null} {dirty ? <strong className="text-amber-700">Unsaved edits.</strong> : null}
        </p>
        {canEdit ? (
          <div className="ml-auto flex gap-2">
            {draft ? (
              <ConfirmDialog
                title={`Discard draft v${draft.number}?`}
                body="The unpublished draft is deleted; the LIVE version is unchanged."
                confirmLabel="Discard draft"
                onConfirm={() => run(() => discardWorkflowDraftAction({ programId }), "Draft discarded")}
                trigger={(open) => (
                  <Button variant="ghost" onClick={open} disabled={busy}>
                    Discard draft
                  </Button>
                )}
              />
            ) : null}
            <Button variant="secondary" onClick={() => void save()} disabled={busy || !dirty}>
              {busy ? "Saving…" : "Save and Continue"}
            </Button>
            <PublishDialog disabled={busy || dirty || !draft || Boolean(props.pending)} makerChecker={props.makerChecker && !props.canApprove} onPublish={publish} />
          </div>
        ) : (
          <p className="ml-auto text-sm text-slate-500">Read only: your role can view workflows but not change them.</p>
        )}
      </div>
      {props.pending ? <ApprovalPanel programId={programId} request={props.pending} canApprove={props.canApprove} userId={props.userId} /> : null}
      <div role="tablist" aria-label="Workflow views" className="flex gap-2 border-b border-slate-200">
        {(["editor", "simulator", "history"] as const).map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={cn("-mb-px border-b-2 px-3 pb-2 text-sm font-medium", tab === t ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600")}
          >
            {t === "editor" ? "Rules" : t === "simulator" ? "Simulator" : "History"}
          </button>
        ))}
      </div>
      {tab === "editor" ? (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <nav aria-label="Customer activities">
            <ul className="space-y-0.5">
              {ACTIVITIES.map((a) => {
                const count = rulesetsOf(doc, a.code).reduce((n, r) => n + r.conditions.length, 0);
                return (
                  <li key={a.code}>
                    <button
                      type="button"
                      aria-current={activity === a.code ? "true" : undefined}
                      onClick={() => setActivity(a.code)}
                      className={cn("flex w-full items-center justify-between rounded px-2 py-1.5 text-left text-sm", activity === a.code ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100")}
                    >
                      <span>{a.label}</span>
                      <span className={cn("ml-2 rounded-full px-1.5 text-xs", count > 0 ? "bg-slate-200 text-slate-800" : "text-slate-400")} aria-label={`${count} conditions`}>
                        {count}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="space-y-4">
            <h2 className="text-lg font-semibold text-slate-900">
              {ACTIVITIES.find((a) => a.code === activity)?.label} <span className="font-mono text-sm font-normal text-slate-500">{activity}</span>
            </h2>
            {rulesets.length === 0 ? <p className="text-sm text-slate-500">No rulesets for this activity{canEdit ? ": add one to start." : "."}</p> : null}
            {rulesets.map((r, i) => (
              <RulesetEditor
                key={i}
                ruleset={r}
                index={i}
                schema={schema}
                readOnly={!canEdit}
                onChange={(next) => setDoc((d) => updateRuleset(d, activity, i, () => next))}
                onDelete={() => setDoc((d) => removeRuleset(d, activity, i))}
              />
            ))}
            {canEdit ? (
              <Button variant="secondary" onClick={() => setDoc((d) => addRuleset(d, activity))}>
                Add ruleset
              </Button>
            ) : null}
            <AnalysisPanel document={doc} activity={activity} schema={schema} />
          </div>
        </div>
      ) : tab === "simulator" ? (
        <SimulatorPanel programId={programId} activity={activity} targets={targets} />
      ) : (
        <HistoryPanel programId={programId} rows={props.history} canEdit={canEdit} dirty={dirty} />
      )}
    </div>
  );
}
