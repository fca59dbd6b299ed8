import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerGroups as CustomerGroupsSection } from "@/components/groups/customer-groups";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listCustomerGroups } from "@/lib/groups/queries";
import { tierLaddersOf } from "@/lib/tiers/member-care-adjustment";
import { AdjustPointsForm } from "./adjust-points-form";
import { AdjustTierForm } from "./adjust-tier-form";
import { AuditTab } from "./audit-tab";
import { CustomerHeader } from "./customer-header";
import { customerQuery } from "./customer-query";
import { CustomerTabs } from "./customer-tabs";
import { IdentifiersCard } from "./identifiers-card";
import { KpiCards } from "./kpi-cards";
import { loadCustomer } from "./load-customer";
import { LoyaltyTab } from "./loyalty-tab";
import { PointsOverTime } from "./points-over-time";
import { ProfileCard } from "./profile-card";
import { TransactionsTab } from "./transactions-tab";

export const metadata: Metadata = { title: "Customer" };

/**
 * A customer's single view (SPEC §7): who they are (header, identifiers, profile), program-wise
 * KPIs with the points over time, and tabs: Loyalty (the ledger with its provenance and the
 * expiry schedule), Transactions, Groups, Audit. Everyone with member-care:read reads it; ADMIN
 * and MEMBER_CARE may adjust points and tiers (the actions check the role again).
 */
export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageUser(`/member-care/customers/${id}`, "member-care:read");
  const customer = await loadCustomer(user.orgId, id);
  if (!customer) notFound();
  const query = await searchParams;
  const { tab, programId, ledger, transactions, audit } = customerQuery(query);
  const groups = await listCustomerGroups({ orgId: user.orgId, customerId: customer.id });
  const programs = customer.enrolments.map((e) => ({ id: e.programId, name: e.programName, isDefault: e.isDefault }));
  const program = programs.find((p) => p.id === programId) ?? programs[0];
  const canAdjust = can(user.role, "member-care:write") && customer.mergedIntoId === null && programs.length > 0;
  const ladders = canAdjust
    ? (await tierLaddersOf(user.orgId, programs.map((p) => p.id))).map((l) => ({ ...l, programName: programs.find((p) => p.id === l.programId)!.name }))
    : [];
  // The audit log is for roles that read it elsewhere too (settings' audit log).
  const tabs = can(user.role, "audit:read") || can(user.role, "member-care:write") ? (["loyalty", "transactions", "groups", "audit"] as const) : (["loyalty", "transactions", "groups"] as const);
  const shownTab = (tabs as readonly string[]).includes(tab) ? tab : "loyalty";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/member-care" className="text-brand-700 hover:underline">
          Member Care
        </Link>
        <span className="text-slate-400"> / </span>
        <span className="text-slate-600">Customer {customer.id}</span>
      </nav>
      <CustomerHeader customer={customer} groups={groups} />
      {customer.mergedIntoId !== null ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          This account was merged into{" "}
          <Link className="underline" href={`/member-care/customers/${customer.mergedIntoId}`}>
            customer {customer.mergedIntoId}
          </Link>
          .
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <div className="space-y-6">
          <IdentifiersCard identifiers={customer.identifiers} />
          <ProfileCard customer={customer} />
        </div>
        <div className="min-w-0 space-y-6">
          <KpiCards enrolments={customer.enrolments} />
          <PointsOverTime orgId={user.orgId} customerId={customer.id} programs={programs} />
          {canAdjust && program ? (
            <div className="flex flex-wrap justify-end gap-x-2 [&>*]:min-w-0 [&>.mb-6]:basis-full">
              <AdjustPointsForm customerId={customer.id} programs={programs} defaultProgramId={program.id} />
              {ladders.length > 0 ? <AdjustTierForm customerId={customer.id} ladders={ladders} /> : null}
            </div>
          ) : null}
          <div>
            <CustomerTabs customerId={customer.id} current={shownTab} show={[...tabs]} />
            {shownTab === "loyalty" ? (
              program ? (
                <LoyaltyTab orgId={user.orgId} customerId={customer.id} programs={programs} programId={program.id} ledger={ledger} params={query} />
              ) : (
                <p className="text-sm text-slate-600">Not enrolled in any program: no wallet yet.</p>
              )
            ) : shownTab === "transactions" ? (
              <TransactionsTab orgId={user.orgId} customerId={customer.id} query={transactions} params={query} />
            ) : shownTab === "groups" ? (
              <CustomerGroupsSection groups={groups} />
            ) : (
              <AuditTab orgId={user.orgId} customerId={customer.id} page={audit.page} params={query} />
            )}
          </div>
        </div>
      </div>
    </>
  );
}
