import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { loadCustomer } from "./load-customer";

/**
 * A missing or another org's customer is a 404 (customers/not-found.tsx), decided here, above
 * this segment's loading.tsx, so the status is sent before the page streams.
 */
export default async function CustomerLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  const { id } = await params;
  const user = await requirePageUser(`/member-care/customers/${id}`, "member-care:read");
  if (!(await loadCustomer(user.orgId, id))) notFound();
  return children;
}
