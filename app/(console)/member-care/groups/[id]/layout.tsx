import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { loadGroup } from "./load-group";

/**
 * A missing or another org's group is a 404 (groups/not-found.tsx), decided here, above this
 * segment's loading.tsx, so the status is sent before the page streams.
 */
export default async function GroupLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  const { id } = await params;
  const user = await requirePageUser(`/member-care/groups/${id}`, "member-care:read");
  if (!(await loadGroup(user.orgId, id))) notFound();
  return children;
}
