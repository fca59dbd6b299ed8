import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EvalContext } from "@/lib/expr";

// Customers of the org the simulator can pick (issue 8): each as the profiles a condition reads,
// currentCustomer with the program's tier and KPIs and the customer's extended fields, and
// currentUserGroup for their default group. Read-only: the simulator never writes.

export type SimulationCustomer = { id: number; label: string; context: EvalContext };

export async function listSimulationCustomers({ orgId, programId, search = "", limit = 25 }: { orgId: number; programId: number; search?: string; limit?: number }): Promise<SimulationCustomer[]> {
  // Another org's program is not found, as in every other door (the customers were always this
  // org's; the program id was not checked).
  if (!(await db.program.findFirst({ where: { id: programId, orgId }, select: { id: true } }))) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
  const q = search.trim();
  const rows = await db.customer.findMany({
    where: {
      orgId,
      ...(q ? { OR: [{ firstName: { contains: q, mode: "insensitive" } }, { lastName: { contains: q, mode: "insensitive" } }, ...(/^\d+$/.test(q) ? [{ id: Number(q) }] : [])] } : {}),
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      joinedAt: true,
      extendedFields: true,
      enrollments: { where: { programId }, select: { lifetimePurchases: true, lifetimePoints: true, tier: { select: { number: true, name: true } } } },
      memberships: { where: { exitedAt: null, active: true }, orderBy: { defaultGroup: "desc" }, take: 1, select: { group: { select: { id: true, groupName: true, externalId: true } } } },
    },
  });
  return rows.map((c) => {
    const enrollment = c.enrollments[0];
    const group = c.memberships[0]?.group;
    const ext = c.extendedFields && typeof c.extendedFields === "object" && !Array.isArray(c.extendedFields) ? (c.extendedFields as Record<string, unknown>) : {};
    const currentCustomer: Record<string, unknown> = {
      firstname: c.firstName,
      lastname: c.lastName,
      name: `${c.firstName} ${c.lastName}`.trim(),
      joinDate: c.joinedAt.toISOString(),
      isGroupMember: Boolean(group),
      ...(enrollment
        ? { lifetimePurchases: enrollment.lifetimePurchases.toString(), lifetimePoints: enrollment.lifetimePoints.toString(), ...(enrollment.tier ? { slabNumber: enrollment.tier.number, slabName: enrollment.tier.name } : {}) }
        : {}),
      ...Object.fromEntries(Object.entries(ext).map(([k, v]) => [`extField_${k}`, v])),
    };
    const context: Record<string, unknown> = { currentCustomer };
    if (group) context.currentUserGroup = { id: group.id, name: group.groupName, externalId: group.externalId };
    return { id: c.id, label: `${currentCustomer.name as string} (${c.id})`, context };
  });
}
