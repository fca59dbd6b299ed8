import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listMappableEntities } from "@/lib/programs/entities";
import { ENTITY_LABELS } from "@/lib/programs/schema";
import { AddEntitiesForm } from "./add-entities-form";
import { DeactivateButton } from "./activation-controls";
import { EditProgramForm } from "./edit-program-form";
import { loadProgram } from "./load-program";
import { TiersTable } from "./tiers-table";
import { formatDateTime } from "@/lib/format/date";

export const metadata: Metadata = { title: "Program overview" };


export default async function ProgramOverviewPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  const canWrite = can(user.role, "programs:write");
  // Entities still free, and those of other programs (shown, not choosable), for "Add entities".
  const mappable = canWrite && !program.isDefault ? await listMappableEntities({ orgId: user.orgId }) : null;

  return (
    <div className="space-y-6">
      {canWrite ? (
        <div className="flex flex-wrap items-start gap-2">
          <EditProgramForm programId={program.id} name={program.name} description={program.description} />
          {program.active && !program.isDefault ? <DeactivateButton programId={program.id} name={program.name} /> : null}
        </div>
      ) : null}
      {canWrite && program.isDefault ? (
        <p className="text-sm text-slate-600">The default program cannot be deactivated: every event is evaluated by it.</p>
      ) : null}

      <Card className="p-6">
        <h2 className="text-base font-semibold">Details</h2>
        <dl className="mt-4 grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">Program identifier</dt>
          <dd className="font-mono">{program.id}</dd>
          <dt className="text-slate-500">Name</dt>
          <dd>{program.name}</dd>
          <dt className="text-slate-500">Description</dt>
          <dd>{program.description || <span className="text-slate-400">No description</span>}</dd>
          <dt className="text-slate-500">Default program</dt>
          <dd>{program.isDefault ? "Yes: evaluates every event" : "No"}</dd>
          <dt className="text-slate-500">Status</dt>
          <dd>{program.active ? "Active" : "Inactive"}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{formatDateTime(program.createdAt)}</dd>
        </dl>
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card className="p-6">
          <h2 className="text-base font-semibold">Entities</h2>
          {program.isDefault ? (
            <p className="mt-2 text-sm text-slate-600">The default program covers every zone, concept and card series of the org.</p>
          ) : program.entities.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No entities are mapped to this program, so no till or card selects it.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {program.entities.map((e) => (
                <li key={`${e.type}-${e.id}`}>
                  <span className="text-slate-500">{ENTITY_LABELS[e.type].one}</span> {e.name} <span className="text-xs text-slate-500">{e.code}</span>
                </li>
              ))}
            </ul>
          )}
          {program.isDefault ? null : <p className="mt-3 text-xs text-slate-500">A mapping is final: more entities can be added, none moved or removed.</p>}
          {mappable?.mlpType ? (
            <AddEntitiesForm
              programId={program.id}
              mlpType={mappable.mlpType}
              options={mappable.entities
                .filter((e) => e.mappedTo?.id !== program.id)
                .map((e) => ({ id: e.id, code: e.code, name: e.name, mappedTo: e.mappedTo?.name ?? null }))}
            />
          ) : null}
        </Card>
        <Card className="p-6">
          <h2 className="text-base font-semibold">Contributors</h2>
          {program.contributors.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No contributors: nobody is notified when this program is reconfigured.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {program.contributors.map((c) => (
                <li key={c.id}>
                  {c.name} <span className="text-slate-500">{c.email}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card className="overflow-x-auto">
        <h2 className="px-6 pt-6 text-base font-semibold">Tiers</h2>
        {program.tiers.length === 0 ? (
          <p className="px-6 pb-6 pt-2 text-sm text-slate-600">No tiers yet: every member sits in the program without a tier.</p>
        ) : (
          <div className="mt-2">
            <TiersTable tiers={program.tiers} />
          </div>
        )}
      </Card>
    </div>
  );
}
