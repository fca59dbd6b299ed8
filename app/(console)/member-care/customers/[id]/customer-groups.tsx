import { CustomerGroups as CustomerGroupsSection } from "@/components/groups/customer-groups";
import { listCustomerGroups } from "@/lib/groups/queries";

/** The customer's user groups (SPEC §7): memberships, roles, permissions and joined/exited dates, from lib/groups. */
export async function CustomerGroups({ orgId, customerId }: { orgId: number; customerId: number }) {
  return <CustomerGroupsSection groups={await listCustomerGroups({ orgId, customerId })} />;
}
