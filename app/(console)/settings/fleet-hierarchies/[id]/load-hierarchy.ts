import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getFleetHierarchy, type FleetHierarchyRecord } from "@/lib/groups/fleet-hierarchies";

// The layout (which decides 404 before anything streams) and the page both need the hierarchy;
// cache() reads it once per request. An unknown id and another org's are both null.
export const loadHierarchy = cache(async (orgId: number, raw: string): Promise<FleetHierarchyRecord | null> => {
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (id === null) return null;
  try {
    return await getFleetHierarchy({ orgId, id, includeInactive: true });
  } catch (error) {
    if (error instanceof AppError && error.kind === "NOT_FOUND") return null;
    throw error;
  }
});
