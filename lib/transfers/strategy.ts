import "server-only";
import { db } from "@/lib/db/client";
import { loadProgramStrategies } from "@/lib/programs/strategies/load";

/** Whether a program allows points transfers: its Strategies tab (lib/programs/strategies). */
export async function transfersAllowed(orgId: number, programId: number): Promise<boolean> {
  return (await loadProgramStrategies(db, orgId, programId))?.transfersAllowed ?? false;
}
