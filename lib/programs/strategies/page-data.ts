import "server-only";
import { db } from "@/lib/db/client";
import { loadProgramStrategies } from "./load";

/** The Strategies tab's read (pages do not touch the database themselves). */
export function loadStrategies(orgId: number, programId: number) {
  return loadProgramStrategies(db, orgId, programId);
}
