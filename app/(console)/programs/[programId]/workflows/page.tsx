import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadWorkflowScreen } from "@/lib/workflows/screen-data";
import { loadProgram } from "../load-program";
import { WorkflowScreen } from "./workflow-screen";

export const metadata: Metadata = { title: "Program workflows" };

export default async function ProgramWorkflowsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/workflows`, "workflows:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  const { draft, live, history, pending, fields, makerChecker, liveFields } = await loadWorkflowScreen({ orgId: user.orgId, programId: program.id });

  return (
    <WorkflowScreen
      programId={program.id}
      draft={draft ? { number: draft.number, revision: draft.revision, document: draft.document, author: draft.author, updatedAt: draft.updatedAt.toISOString() } : null}
      live={live ? { number: live.number, document: live.document, note: live.note, publishedBy: live.publishedBy, publishedAt: live.publishedAt?.toISOString() ?? null, fields: liveFields } : null}
      fields={fields}
      history={history.map((h) => ({ number: h.number, state: h.state, note: h.note, author: h.author, publishedBy: h.publishedBy, publishedAt: h.publishedAt?.toISOString() ?? null, updatedAt: h.updatedAt.toISOString(), conditionCount: h.conditionCount, restoredFromNumber: h.restoredFromNumber }))}
      pending={pending ? { id: pending.id, versionNumber: pending.versionNumber, note: pending.note, requestedBy: pending.requestedBy, requestedById: pending.requestedById, createdAt: pending.createdAt.toISOString() } : null}
      canEdit={can(user.role, "workflows:write")}
      canApprove={can(user.role, "workflows:approve")}
      makerChecker={makerChecker}
      userId={user.id}
    />
  );
}
