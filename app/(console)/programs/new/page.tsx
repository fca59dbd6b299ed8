import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { MLP_TYPE_MISSING } from "@/lib/programs/create-program";
import { listContributorCandidates, listMappableEntities } from "@/lib/programs/entities";
import { CreateProgramForm } from "./create-program-form";

export const metadata: Metadata = { title: "Create program" };

export default async function NewProgramPage() {
  const user = await requirePageUser("/programs/new", "programs:write");
  const [{ mlpType, entities }, contributors] = await Promise.all([
    listMappableEntities({ orgId: user.orgId }),
    listContributorCandidates({ orgId: user.orgId }),
  ]);
  return (
    <>
      <PageHeader
        title="Create program"
        description="A new program starts blank: add tiers, strategies and workflows once it exists. Map it to at least one entity; mappings are final, though more entities can be added later."
      />
      {mlpType ? (
        <CreateProgramForm
          mlpType={mlpType}
          entities={entities.map((e) => ({ id: e.id, code: e.code, name: e.name, mappedTo: e.mappedTo?.name ?? null }))}
          contributors={contributors.map((c) => ({ id: c.id, label: `${c.name} (${c.email})` }))}
        />
      ) : (
        <EmptyState
          title="This org runs only its default program for now"
          action={
            can(user.role, "settings:read") ? (
              <Link href="/settings/organisation" className="text-brand-700 underline">
                Open Settings
              </Link>
            ) : null
          }
        >
          {MLP_TYPE_MISSING} The type (zone, concept or card series) is set once and cannot be changed later.
        </EmptyState>
      )}
    </>
  );
}
