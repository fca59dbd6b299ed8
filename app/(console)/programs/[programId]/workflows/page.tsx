import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/session";
import { loadProgram } from "../load-program";

export const metadata: Metadata = { title: "Program workflows" };

export default async function ProgramWorkflowsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/workflows`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  return (
    <EmptyState title="No workflows yet">
      The rules {program.name} runs for each customer activity (makes a transaction, gets enrolled, redeems points, …) will be
      edited here as rulesets of conditions and actions, saved as a draft and published.
    </EmptyState>
  );
}
