import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Member Care" };

export default async function MemberCarePage() {
  await requirePageUser("/member-care", "member-care:read");
  return (
    <>
      <PageHeader title="Member Care" description="Look up a customer or a user group." />
      <EmptyState title="Customer and group lookup is on its way">
        Here you will search by mobile, email, external id or card number, and open a customer&apos;s or group&apos;s
        wallet, tier, program-wise KPIs and history.
      </EmptyState>
    </>
  );
}
