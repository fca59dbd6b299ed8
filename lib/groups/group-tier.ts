import "server-only";
import { db } from "@/lib/db/client";

// A group holds no tier of its own: the vendor's pattern is primary-led (SPEC §4 "Group tier
// sync"): the primary member's tier is the group's, and a program with tierSyncGroupMembers moves
// the other members to it. So the group page's "Group tier" is the current primary's tier in
// each program, and says whether the program's members follow it.

export type GroupTier = { programId: number; programName: string; tierNumber: number; tierName: string; tierExpiresAt: Date | null; membersFollow: boolean };

export async function groupTiers(orgId: number, groupId: number): Promise<GroupTier[]> {
  const rows = await db.programEnrollment.findMany({
    where: {
      orgId,
      tierId: { not: null },
      customer: { memberships: { some: { groupId, primaryMember: true, exitedAt: null } } },
    },
    select: { programId: true, tierExpiresAt: true, tier: { select: { number: true, name: true } }, program: { select: { name: true, isDefault: true, tierSyncGroupMembers: true } } },
  });
  return rows
    .filter((r) => r.tier !== null)
    .sort((a, b) => Number(b.program.isDefault) - Number(a.program.isDefault) || a.program.name.localeCompare(b.program.name))
    .map((r) => ({ programId: r.programId, programName: r.program.name, tierNumber: r.tier!.number, tierName: r.tier!.name, tierExpiresAt: r.tierExpiresAt, membersFollow: r.program.tierSyncGroupMembers }));
}
