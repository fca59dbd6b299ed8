import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberSort } from "./schema";
import { pointsContributed } from "./wallet";

// Reads of groups and their members, shared by the API and Member Care (one door each, one rule).

const IDENTIFIER_SELECT = { type: true, value: true, status: true, statusReason: true, createdAt: true } as const;
const PRIMARY_SELECT = {
  where: { primaryMember: true },
  orderBy: { joinedAt: "desc" },
  take: 1,
  select: { customerId: true, exitedAt: true, customer: { select: { firstName: true, lastName: true, identifiers: { select: IDENTIFIER_SELECT } } } },
} as const satisfies Prisma.UserGroup$membershipsArgs;

export type GroupSummary = {
  groupId: number;
  groupName: string;
  groupStatus: string;
  groupExternalId: string;
  firstName: string | null;
  lastName: string | null;
  primaryMemberId: number | null;
  email: string | null;
  mobile: string | null;
  totalMembers: number;
  extendedFields: Record<string, unknown>;
};

/**
 * Groups whose id, name or external id match `q`, or whose primary member has an identifier
 * (mobile, email, card, external id) starting with it (SPEC §1.7). Used by the search API and
 * by Member Care's search box.
 */
export async function searchGroups({ orgId, q, limit = 20, offset = 0 }: { orgId: number; q: string; limit?: number; offset?: number }): Promise<{ total: number; data: GroupSummary[] }> {
  const text = q.trim();
  const asId = /^\d{1,10}$/.test(text) ? Number(text) : null;
  const where: Prisma.UserGroupWhereInput = {
    orgId,
    OR: [
      ...(asId !== null && asId <= 2_147_483_647 ? [{ id: asId }] : []),
      { groupName: { contains: text, mode: "insensitive" } },
      { externalId: { contains: text, mode: "insensitive" } },
      { memberships: { some: { primaryMember: true, customer: { identifiers: { some: { value: { startsWith: text, mode: "insensitive" } } } } } } },
    ],
  };
  const [total, rows] = await Promise.all([
    db.userGroup.count({ where }),
    db.userGroup.findMany({
      where,
      orderBy: [{ status: "asc" }, { id: "asc" }],
      skip: offset,
      take: limit,
      select: {
        id: true, groupName: true, status: true, externalId: true, extendedFields: true,
        memberships: PRIMARY_SELECT,
        _count: { select: { memberships: { where: { exitedAt: null } } } },
      },
    }),
  ]);
  return {
    total,
    data: rows.map((g) => {
      const primary = g.memberships[0];
      const ids = primary?.customer.identifiers ?? [];
      return {
        groupId: g.id,
        groupName: g.groupName,
        groupStatus: g.status,
        groupExternalId: g.externalId,
        firstName: primary?.customer.firstName ?? null,
        lastName: primary?.customer.lastName ?? null,
        primaryMemberId: primary?.customerId ?? null,
        email: ids.find((i) => i.type === "EMAIL")?.value ?? null,
        mobile: ids.find((i) => i.type === "MOBILE")?.value ?? null,
        totalMembers: g._count.memberships,
        extendedFields: (g.extendedFields ?? {}) as Record<string, unknown>,
      };
    }),
  };
}

export type GroupRecord = NonNullable<Awaited<ReturnType<typeof getGroupRecord>>>;

/** One group of the org with its current members (for GET /v2/userGroup2). */
export async function getGroupRecord({ orgId, groupId }: { orgId: number; groupId: number }) {
  return db.userGroup.findFirst({
    where: { id: groupId, orgId },
    select: {
      id: true, externalId: true, groupName: true, maxGroupSize: true, status: true, extendedFields: true, createdBy: true, createdAt: true, updatedAt: true,
      company: { select: { id: true, externalId: true, name: true, hierarchy: { select: { code: true } } } },
      memberships: {
        where: { exitedAt: null },
        orderBy: [{ primaryMember: "desc" }, { joinedAt: "asc" }, { id: "asc" }],
        select: { customerId: true, groupId: true, defaultGroup: true, primaryMember: true, active: true, permissions: true, joinedAt: true },
      },
    },
  });
}

export type MemberRow = {
  userId: number;
  role: "PRIMARY" | "SECONDARY";
  firstName: string;
  lastName: string;
  email: string | null;
  mobile: string | null;
  identifiers: { type: string; value: string }[];
  cards: { cardNumber: string; status: string | null; statusReason: string | null; createdAt: Date }[];
  permissions: string[];
  defaultGroup: boolean;
  active: boolean;
  status: "CURRENT" | "EXITED";
  joinedAt: Date;
  exitedAt: Date | null;
  pointsContributed: number;
  fleetRole: { code: string; name: string } | null;
};

/**
 * A group's members, current ones only unless `includeExited` (history is kept, SPEC §1.8),
 * paged and sorted: IS_PRIMARY (primary first by default), JOINED_ON or USER_ID.
 */
export async function listGroupMembers({
  orgId,
  groupId,
  includeExited = false,
  status,
  sortBy = "IS_PRIMARY",
  sortOrder,
  limit = 20,
  offset = 0,
  fromDate,
  toDate,
}: {
  orgId: number;
  groupId: number;
  includeExited?: boolean;
  /** Overrides includeExited: only current members, only exited ones, or all (Member Care's filter). */
  status?: "CURRENT" | "EXITED" | "ALL" | undefined;
  sortBy?: MemberSort;
  sortOrder?: "ASC" | "DESC" | undefined;
  limit?: number;
  offset?: number;
  fromDate?: Date | undefined;
  toDate?: Date | undefined;
}): Promise<{ total: number; rows: MemberRow[] }> {
  const where: Prisma.GroupMembershipWhereInput = {
    orgId,
    groupId,
    ...((status ?? (includeExited ? "ALL" : "CURRENT")) === "CURRENT" ? { exitedAt: null } : status === "EXITED" ? { exitedAt: { not: null } } : {}),
    ...(fromDate || toDate ? { joinedAt: { ...(fromDate ? { gte: fromDate } : {}), ...(toDate ? { lte: toDate } : {}) } } : {}),
  };
  const dir = (sortOrder ?? (sortBy === "IS_PRIMARY" ? "DESC" : "ASC")) === "DESC" ? "desc" : "asc";
  const orderBy: Prisma.GroupMembershipOrderByWithRelationInput[] =
    sortBy === "IS_PRIMARY"
      ? [{ primaryMember: dir }, { joinedAt: "asc" }, { id: "asc" }]
      : sortBy === "JOINED_ON"
        ? [{ joinedAt: dir }, { id: dir }]
        : [{ customerId: dir }, { id: dir }];
  const [total, rows] = await Promise.all([
    db.groupMembership.count({ where }),
    db.groupMembership.findMany({
      where,
      orderBy,
      skip: offset,
      take: limit,
      select: {
        customerId: true, primaryMember: true, permissions: true, defaultGroup: true, active: true, joinedAt: true, exitedAt: true,
        customer: {
          select: {
            firstName: true, lastName: true, identifiers: { select: IDENTIFIER_SELECT, orderBy: { id: "asc" } },
            association: { select: { role: { select: { code: true, name: true } } } },
          },
        },
      },
    }),
  ]);
  const contributed = await pointsContributed(orgId, groupId, rows.map((m) => m.customerId));
  return {
    total,
    rows: rows.map((m) => {
      const ids = m.customer.identifiers;
      return {
        userId: m.customerId,
        role: m.primaryMember ? "PRIMARY" : "SECONDARY",
        firstName: m.customer.firstName,
        lastName: m.customer.lastName,
        email: ids.find((i) => i.type === "EMAIL")?.value ?? null,
        mobile: ids.find((i) => i.type === "MOBILE")?.value ?? null,
        identifiers: ids.map((i) => ({ type: i.type, value: i.value })),
        cards: ids.filter((i) => i.type === "CARD_NUMBER").map((i) => ({ cardNumber: i.value, status: i.status, statusReason: i.statusReason, createdAt: i.createdAt })),
        permissions: m.permissions,
        defaultGroup: m.defaultGroup,
        active: m.active,
        status: m.exitedAt ? "EXITED" : "CURRENT",
        joinedAt: m.joinedAt,
        exitedAt: m.exitedAt,
        pointsContributed: contributed.get(m.customerId) ?? 0,
        fleetRole: m.customer.association ? { code: m.customer.association.role.code, name: m.customer.association.role.name } : null,
      };
    }),
  };
}

export type CustomerGroupRow = {
  groupId: number;
  groupName: string;
  externalId: string;
  groupStatus: string;
  primaryMember: boolean;
  defaultGroup: boolean;
  permissions: string[];
  joinedAt: Date;
  exitedAt: Date | null;
};

/** Every group a customer is or was in, current first (the customer page's groups section). */
export async function listCustomerGroups({ orgId, customerId }: { orgId: number; customerId: number }): Promise<CustomerGroupRow[]> {
  const rows = await db.groupMembership.findMany({
    where: { orgId, customerId },
    orderBy: [{ exitedAt: { sort: "desc", nulls: "first" } }, { joinedAt: "desc" }],
    select: {
      primaryMember: true, defaultGroup: true, permissions: true, joinedAt: true, exitedAt: true,
      group: { select: { id: true, groupName: true, externalId: true, status: true } },
    },
  });
  return rows.map((m) => ({
    groupId: m.group.id,
    groupName: m.group.groupName,
    externalId: m.group.externalId,
    groupStatus: m.group.status,
    primaryMember: m.primaryMember,
    defaultGroup: m.defaultGroup,
    permissions: m.permissions,
    joinedAt: m.joinedAt,
    exitedAt: m.exitedAt,
  }));
}

/**
 * A customer's default group, the one their group transactions use (SPEC §0), or null. The
 * ledger asks this when a bill earns for "the group".
 */
export async function getDefaultGroup({ orgId, customerId }: { orgId: number; customerId: number }, client: Pick<Prisma.TransactionClient, "groupMembership"> = db) {
  return client.groupMembership.findFirst({
    where: { orgId, customerId, defaultGroup: true, exitedAt: null, group: { status: "ACTIVE" } },
    select: { groupId: true, primaryMember: true, permissions: true, active: true },
  });
}
