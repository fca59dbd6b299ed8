import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, type Page } from "@/lib/pagination";
import { exportGroupMembers, type MemberExportRow } from "./member-export";
import { listGroupMembers, type MemberRow } from "./queries";
import type { MemberSort } from "./schema";
import { groupTiers } from "./group-tier";
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
  // The group's tier (its primary member's) feeds both the wallet rows and the page's tier card.
  const tiers = groupTiers(orgId, groupId);
  const [current, exited, primary, wallet, held] = await Promise.all([
    db.groupMembership.count({ where: { orgId, groupId, exitedAt: null } }),
    db.groupMembership.count({ where: { orgId, groupId, exitedAt: { not: null } } }),
    // The current primary, else the last one (a group whose primary left).
    db.groupMembership.findFirst({
      where: { orgId, groupId, primaryMember: true },
      orderBy: [{ exitedAt: { sort: "desc", nulls: "first" } }, { joinedAt: "desc" }],
      select: { customerId: true, exitedAt: true, customer: { select: { firstName: true, lastName: true, identifiers: { select: { type: true, value: true }, orderBy: { id: "asc" } } } } },
    }),
    groupProgramDetails(orgId, groupId, tiers),
    tiers,
  ]);
  return {
    group,
    primary: primary
      ? {
          userId: primary.customerId,
          firstName: primary.customer.firstName,
          lastName: primary.customer.lastName,
          mobile: primary.customer.identifiers.find((i) => i.type === "MOBILE")?.value ?? null,
          email: primary.customer.identifiers.find((i) => i.type === "EMAIL")?.value ?? null,
          status: primary.exitedAt ? ("EXITED" as const) : ("CURRENT" as const),
        }
      : null,
    counts: { current, exited },
    tiers: held,
    wallet,
  };
}
export type GroupOverview = NonNullable<Awaited<ReturnType<typeof getGroupOverview>>>;

export const MEMBER_TABLE_SORTS = ["role", "joined", "id"] as const;
const SORT_OF: Record<(typeof MEMBER_TABLE_SORTS)[number], MemberSort> = { role: "IS_PRIMARY", joined: "JOINED_ON", id: "USER_ID" };

/** One page of the members table: current, exited or all members, sorted on the server. */
export async function listGroupMemberPage({
  orgId, groupId, status, sort, dir, page, pageSize = PAGE_SIZE,
}: {
  orgId: number; groupId: number; status: "CURRENT" | "EXITED" | "ALL"; sort: (typeof MEMBER_TABLE_SORTS)[number]; dir: Prisma.SortOrder; page: number; pageSize?: number;
}): Promise<Page<MemberRow>> {
  const { total, rows } = await listGroupMembers({
    orgId, groupId, status, sortBy: SORT_OF[sort], sortOrder: dir === "desc" ? "DESC" : "ASC", limit: pageSize, offset: skipFor(page, pageSize),
  });
  return pageOf(rows, total, page, pageSize);
}

/** Every member the filter shows, in the table's order, with the CSV's columns; null for no such group in the org. */
export async function listGroupMembersForExport({
  orgId, groupId, status, sort, dir,
}: {
  orgId: number; groupId: number; status: "CURRENT" | "EXITED" | "ALL"; sort: (typeof MEMBER_TABLE_SORTS)[number]; dir: Prisma.SortOrder;
}): Promise<MemberExportRow[] | null> {
  const group = await db.userGroup.findFirst({ where: { id: groupId, orgId }, select: { id: true } });
  if (!group) return null;
  return exportGroupMembers({ orgId, groupId, status, sortBy: SORT_OF[sort], sortOrder: dir === "desc" ? "DESC" : "ASC" });
}
