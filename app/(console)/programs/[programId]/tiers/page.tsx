import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/session";
import { loadProgram } from "../load-program";
import { TiersTable } from "../tiers-table";

export const metadata: Metadata = { title: "Program tiers" };

export default async function ProgramTiersPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/tiers`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  if (program.tiers.length === 0) {
    return (
      <EmptyState title="No tiers yet">
        Tiers (slabs) and their upgrade thresholds will be set up here. They belong to this program only and cannot be used by
        another program, including the default one.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Tiers of this program, lowest first. Adding and editing tiers, and their upgrade and renewal rules, will come to this tab.
      </p>
      <Card className="overflow-x-auto">
        <TiersTable tiers={program.tiers} />
      </Card>
    </div>
  );
}
