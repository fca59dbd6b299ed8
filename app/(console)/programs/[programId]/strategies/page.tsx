import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/session";
import { loadProgram } from "../load-program";

export const metadata: Metadata = { title: "Program strategies" };

export default async function ProgramStrategiesPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requirePageUser(`/programs/${programId}/strategies`, "programs:read");
  const program = await loadProgram(user.orgId, programId);
  if (!program) notFound();
  return (
    <EmptyState title="No points strategies yet">
      Points allocation, expiry and redemption strategies for {program.name} will be managed here, with the points-to-currency
      ratio. Each strategy belongs to this program only (SPEC §8).
    </EmptyState>
  );
}
