import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadStrategies } from "@/lib/programs/strategies/page-data";
import { formValuesOf } from "@/lib/programs/strategies/schema";
import { loadProgram } from "../load-program";
import { StrategiesForm } from "./strategies-form";

export const metadata: Metadata = { title: "Program strategies" };

export default async function ProgramStrategiesPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/strategies`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  const strategies = await loadStrategies(user.orgId, program.id);
  if (!strategies) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        These strategies belong to {program.name} only: no other program, not even the default one, uses them (SPEC §8).
      </p>
      <StrategiesForm values={formValuesOf(strategies)} canWrite={can(user.role, "programs:write")} />
    </div>
  );
}
