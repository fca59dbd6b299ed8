import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { programsWithUnpublishedChanges } from "@/lib/workflows/versions";
import { ActivateButton } from "./activation-controls";
import { loadProgram } from "./load-program";
import { ProgramTabs } from "./program-tabs";

export default async function ProgramLayout({ params, children }: { params: Promise<{ programId: string }>; children: React.ReactNode }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  // Unknown or another org's program: 404 (programs/not-found.tsx), decided here, above this
  // segment's loading.tsx, so the status is sent before anything streams.
  if (!program) notFound();
  const canWrite = can(user.role, "programs:write");
  const showWorkflows = can(user.role, "workflows:read");
  const unpublished = showWorkflows && (await programsWithUnpublishedChanges(user.orgId)).has(program.id);
  return (
    <>
      <div className="mb-4">
        <p className="text-sm text-slate-500">
          Program identifier <span className="font-mono text-slate-700">{program.id}</span>
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          {program.isDefault ? (
            <span role="img" aria-label="Default program" title="Default program" className="text-amber-500">
              ★
            </span>
          ) : null}
          {program.name}
          <Badge tone={program.active ? "success" : "neutral"}>{program.active ? "Active" : "Inactive"}</Badge>
        </h1>
      </div>
      {program.active ? null : (
        <div role="status" className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p className="text-sm text-amber-900">
            <strong className="font-semibold">This program is inactive.</strong> It evaluates no events until it is activated.
            {canWrite ? null : " Ask a program manager or an admin to activate it."}
          </p>
          {canWrite ? <ActivateButton programId={program.id} /> : null}
        </div>
      )}
      <ProgramTabs programId={program.id} showWorkflows={showWorkflows} unpublished={unpublished} />
      <div className="mt-6">{children}</div>
    </>
  );
}
