import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRow } from "./queries";
import { pointsContributed } from "./wallet";

// The members table's CSV export (every member the filter shows, in the table's order) in
// two set-based reads: the members with their fleet role and identifiers, and the points they
// contributed from the wallet's roll-up. The same rows listGroupMembers gives page by page, without
// its per-page lookups repeated over 10,000 ids.

type Row = {
  customerId: number; primaryMember: boolean; permissions: string[]; defaultGroup: boolean; active: boolean; joinedAt: Date; exitedAt: Date | null;
  firstName: string; lastName: string; roleCode: string | null; roleName: string | null;
  types: string[] | null; values: string[] | null; cards: { cardNumber: string; status: string | null; statusReason: string | null; createdAt: string }[] | null;
};

export async function exportGroupMembers({
  orgId, groupId, status, sortBy, sortOrder,
}: {
  orgId: number; groupId: number; status: "CURRENT" | "EXITED" | "ALL"; sortBy: "IS_PRIMARY" | "JOINED_ON" | "USER_ID"; sortOrder: "ASC" | "DESC";
}): Promise<MemberRow[]> {
  const dir = Prisma.raw(sortOrder);
  const orderBy =
    sortBy === "IS_PRIMARY" ? Prisma.sql`gm."primaryMember" ${dir}, gm."joinedAt" ASC, gm.id ASC`
    : sortBy === "JOINED_ON" ? Prisma.sql`gm."joinedAt" ${dir}, gm.id ${dir}`
    : Prisma.sql`gm."customerId" ${dir}, gm.id ${dir}`;
  const filter = status === "CURRENT" ? Prisma.sql`AND "exitedAt" IS NULL` : status === "EXITED" ? Prisma.sql`AND "exitedAt" IS NOT NULL` : Prisma.empty;
  // Each member's identifiers as arrays (cards, rare, with their status as JSON): formatting every
  // identifier as JSON cost more than the rest of the export.
  const [rows, contributed] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT gm."customerId", gm."primaryMember", gm.permissions, gm."defaultGroup", gm.active, gm."joinedAt", gm."exitedAt",
        c."firstName", c."lastName", fr.code AS "roleCode", fr.name AS "roleName", ids.types, ids."values", ids.cards
      FROM "GroupMembership" gm
      JOIN "Customer" c ON c.id = gm."customerId"
      LEFT JOIN "CustomerAssociation" ca ON ca."customerId" = gm."customerId"
      LEFT JOIN "FleetRole" fr ON fr.id = ca."roleId"
      CROSS JOIN LATERAL (
        SELECT array_agg(ci.type::text ORDER BY ci.id) AS types, array_agg(ci.value ORDER BY ci.id) AS "values",
          json_agg(json_build_object('cardNumber', ci.value, 'status', ci.status, 'statusReason', ci."statusReason",
            'createdAt', to_char(ci."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY ci.id) FILTER (WHERE ci.type = 'CARD_NUMBER') AS cards
        FROM "CustomerIdentifier" ci WHERE ci."customerId" = gm."customerId"
      ) ids
      WHERE gm."orgId" = ${orgId} AND gm."groupId" = ${groupId} ${filter}
      ORDER BY ${orderBy}`,
    // Always the whole wallet's contributions (the roll-up path), whatever the group's size.
    pointsContributed(orgId, groupId, [], { all: true }),
  ]);
  return rows.map((m) => {
    const ids = (m.types ?? []).map((type, i) => ({ type, value: m.values![i]! }));
    return {
      userId: m.customerId,
      role: m.primaryMember ? "PRIMARY" : "SECONDARY",
      firstName: m.firstName,
      lastName: m.lastName,
      email: ids.find((i) => i.type === "EMAIL")?.value ?? null,
      mobile: ids.find((i) => i.type === "MOBILE")?.value ?? null,
      identifiers: ids,
      cards: (m.cards ?? []).map((card) => ({ ...card, createdAt: new Date(card.createdAt) })),
      permissions: m.permissions,
      defaultGroup: m.defaultGroup,
      active: m.active,
      status: m.exitedAt ? "EXITED" : "CURRENT",
      joinedAt: m.joinedAt,
      exitedAt: m.exitedAt,
      pointsContributed: contributed.get(m.customerId) ?? 0,
      fleetRole: m.roleCode !== null && m.roleName !== null ? { code: m.roleCode, name: m.roleName } : null,
    };
  });
}
