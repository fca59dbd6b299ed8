"use client";

import { Card } from "@/components/ui/card";
import { TierForm } from "./tier-form";

/** Below the table: a new tier goes on top of the ladder. */
export function AddTier({ programId, topName, firstTier }: { programId: number; topName: string | null; firstTier: boolean }) {
  return (
    <Card className="p-4">
      <h3 className="text-sm font-semibold">Add a tier above {topName ?? "nothing yet"}</h3>
      <TierForm programId={programId} onDone={() => undefined} firstTier={firstTier} />
    </Card>
  );
}
