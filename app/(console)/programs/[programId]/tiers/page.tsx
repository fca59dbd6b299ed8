import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadTiersTab } from "@/lib/tiers/config";
import { loadProgram } from "../load-program";
import { AddTier } from "./add-tier";
import { TierTable } from "./tier-table";
import { TierPolicyForm } from "./tier-policy-form";

export const metadata: Metadata = { title: "Program tiers" };

export default async function ProgramTiersPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/tiers`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  const tab = await loadTiersTab(user.orgId, program.id);
  if (!tab) notFound();
  const canWrite = can(user.role, "programs:write");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Tiers (slabs) of {program.name}, lowest first. They belong to this program only: no other program, not even the default one, uses them.
        Integrations name tiers by name (manualSlabAdjustment), so rename with care.
      </p>
      {canWrite ? null : <p className="text-sm text-amber-800">You can read these tiers; only an admin or a program manager can change them.</p>}
      <TierPolicyForm programId={program.id} policy={tab.policy} canWrite={canWrite} />
      {tab.tiers.length === 0 && !canWrite ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">No tiers yet.</p>
      ) : (
        <TierTable programId={program.id} tiers={tab.tiers} basisLabel={tab.policy.tierBasis === "LIFETIME_POINTS" ? "lifetime points" : "lifetime purchases"} canWrite={canWrite} />
      )}
      {canWrite ? <AddTier programId={program.id} topName={tab.tiers.at(-1)?.name ?? null} firstTier={tab.tiers.length === 0} /> : null}
    </div>
  );
}
