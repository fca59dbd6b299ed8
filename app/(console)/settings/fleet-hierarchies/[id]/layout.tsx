import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { loadHierarchy } from "./load-hierarchy";

/**
 * A missing or another org's hierarchy is a 404 (../not-found.tsx), decided here, above this
 * segment's loading.tsx, so the status is sent before the page streams. The list's loading.tsx
 * lives in (list) for the same reason: at the folder's top it wrapped this layout too, and the
 * 404 came after the loading shell, as a 200.
 */
export default async function FleetHierarchyLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  const { id } = await params;
  const user = await requirePageUser(`/settings/fleet-hierarchies/${id}`, "settings:read");
  if (!(await loadHierarchy(user.orgId, id))) notFound();
  return children;
}
