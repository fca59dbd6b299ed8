import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getCustomerView } from "@/lib/customers/customer-view";
import { CustomerGroups } from "./customer-groups";
import { CustomerWallet } from "./customer-wallet";
import { EnrolmentsCard } from "./enrolments-card";
import { IdentifiersCard } from "./identifiers-card";
import { ProfileCard } from "./profile-card";
import { formatDate } from "@/lib/format/date";

export const metadata: Metadata = { title: "Customer" };

/**
 * A customer's single view (SPEC §7): identifiers and profile on the left; on the right the
 * enrolments per program, the groups (lib/groups) and the wallet and ledger (the points issues).
 * Read-only for every role; actions for ADMIN and MEMBER_CARE come with the wallet.
 */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/member-care/customers/${id}`, "member-care:read");
  const customerId = /^\d{1,10}$/.test(id) && Number(id) <= 2147483647 ? Number(id) : null;
  const customer = customerId === null ? null : await getCustomerView({ orgId: user.orgId, customerId });
  if (!customer) notFound();
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || `Customer ${customer.id}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/member-care" className="text-brand-700 hover:underline">
          Member Care
        </Link>
        <span className="text-slate-400"> / </span>
        <span className="text-slate-600">Customer {customer.id}</span>
      </nav>
      <PageHeader
        title={name}
        description={`Customer ${customer.id} · joined ${formatDate(customer.joinedAt)}${customer.registeredTill ? ` at ${customer.registeredTill.code}` : ""}`}
        actions={
          <Badge tone={customer.loyaltyType === "LOYALTY" ? "success" : "neutral"}>{customer.loyaltyType === "LOYALTY" ? "Loyalty member" : "Non-loyalty"}</Badge>
        }
      />
      {customer.mergedIntoId !== null ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          This account was merged into{" "}
          <Link className="underline" href={`/member-care/customers/${customer.mergedIntoId}`}>
            customer {customer.mergedIntoId}
          </Link>
          .
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <div className="space-y-6">
          <IdentifiersCard identifiers={customer.identifiers} />
          <ProfileCard customer={customer} />
        </div>
        <div className="space-y-6">
          <EnrolmentsCard enrolments={customer.enrolments} />
          <CustomerGroups orgId={user.orgId} customerId={customer.id} />
          <CustomerWallet orgId={user.orgId} customerId={customer.id} />
        </div>
      </div>
    </>
  );
}

