import "server-only";
import { db } from "@/lib/db/client";
import { getOrgConfig } from "@/lib/org/configs";
import { listGroupTransactions } from "./transactions";

// The group page's activity (SPEC §7 "Group view"): the members' recent bills, as the group's
// transactions read (GET /v2/userGroup2/transactions: bills made while a member), with who made
// each, and the group's lifetime spend over all of them.

export type GroupBill = { id: number; number: string; type: string; amount: number; billedAt: Date; customerId: number; customerName: string; groupPoints: number };

export async function recentGroupBills({ orgId, groupId, limit = 10 }: { orgId: number; groupId: number; limit?: number }): Promise<{ bills: GroupBill[]; lifetimeSpend: number; total: number }> {
  // The API refuses group reads when the org has groups switched off (1690); the page still shows
  // what the group holds, without bills.
  if (!(await getOrgConfig(orgId, "CONF_USER_GROUP_ENABLED"))) return { bills: [], lifetimeSpend: 0, total: 0 };
  const { data, pagination } = await listGroupTransactions({ orgId, selector: { id: groupId }, filters: { limit, order: "desc" } });
  const customers = await db.customer.findMany({
    where: { orgId, id: { in: [...new Set(data.map((t) => t.customerId))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const nameOf = new Map(customers.map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim() || `Customer ${c.id}`]));
  return {
    total: pagination.total,
    lifetimeSpend: data[0]?.userGroup2.lifeTimePurchases ?? 0,
    bills: data.map((t) => ({
      id: t.id, number: t.billNumber, type: t.type, amount: t.billAmount, billedAt: new Date(t.billingDate),
      customerId: t.customerId, customerName: nameOf.get(t.customerId) ?? `Customer ${t.customerId}`,
      groupPoints: t.pointSummary.availablePoints,
    })),
  };
}
