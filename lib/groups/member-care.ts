import "server-only";
import { db } from "@/lib/db/client";
import { listGroupMembers } from "./queries";
import { groupProgramDetails } from "./wallet";

// What Member Care's group page shows (SPEC §7 "Group view"): basic info, the primary, member
// counts, the members with roles, permissions and dates, the fleet company, and the wallet per
// program as the ledger holds it. The same reads the API uses.

export async function getGroupOverview({ orgId, groupId }: { orgId: number; groupId: number }) {
  const group = await db.userGroup.findFirst({
    where: { id: groupId, orgId },
    select: {
      id: true, externalId: true, groupName: true, status: true, maxGroupSize: true, extendedFields: true, createdBy: true, createdAt: true,
      company: { select: { externalId: true, name: true, hierarchy: { select: { id: true, code: true, name: true } } } },
    },
  });
  if (!group) return null;
  const [members, wallet] = await Promise.all([
    listGroupMembers({ orgId, groupId, includeExited: true, limit: 500 }),
    groupProgramDetails(orgId, groupId),
  ]);
  const current = members.rows.filter((m) => m.status === "CURRENT");
  return {
    group,
    members: members.rows,
    primary: members.rows.find((m) => m.role === "PRIMARY" && m.status === "CURRENT") ?? members.rows.find((m) => m.role === "PRIMARY") ?? null,
    counts: { current: current.length, exited: members.rows.length - current.length },
    wallet,
  };
}
export type GroupOverview = NonNullable<Awaited<ReturnType<typeof getGroupOverview>>>;
