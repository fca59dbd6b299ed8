import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { vendorDate } from "./rules";

// A transfer as the vendor's APIs show it (SPEC-vendor-api §D.4–D.6; SPEC §2.2's richer shape):
// entity ids and types, dates, points, the sending and receiving customer or group. The same
// item serves the transfer answers and both histories, seen from one side (DEDUCTION for the
// sender, ADDITION for the recipient).

type Reader = Pick<Prisma.TransactionClient, "customer" | "userGroup" | "groupMembership" | "program" | "transaction">;

export type TransferRow = {
  id: number;
  fromType: "CUSTOMER" | "USERGROUP" | "SYSTEM";
  fromId: number;
  toType: "CUSTOMER" | "USERGROUP" | "SYSTEM";
  toId: number;
  points: Prisma.Decimal | number | string;
  leftBehind: Prisma.Decimal | number | string;
  notes: string;
  createdAt: Date;
  programName: string;
};

const ENTITY = { CUSTOMER: "CUSTOMER", USERGROUP: "USERGROUP2", SYSTEM: "SYSTEM" } as const;

/** The vendor's items for these transfers, from `side`'s point of view (the sender by default). */
export async function transferItems(
  rows: TransferRow[],
  opts: { orgId: number; side?: (row: TransferRow) => "DEDUCTION" | "ADDITION"; client?: Reader },
) {
  const client = opts.client ?? db;
  const customers = new Set<number>();
  const groups = new Set<number>();
  for (const r of rows) {
    for (const [type, id] of [[r.fromType, r.fromId], [r.toType, r.toId]] as const) (type === "CUSTOMER" ? customers : groups).add(id);
  }
  const [people, teams] = await Promise.all([
    client.customer.findMany({ where: { orgId: opts.orgId, id: { in: [...customers] } }, select: { id: true, firstName: true, lastName: true } }),
    groupDetails(client, opts.orgId, [...groups]),
  ]);
  const person = new Map(people.map((c) => [c.id, { userId: c.id, firstName: c.firstName, lastName: c.lastName }]));
  const team = new Map(teams.map((g) => [g.id, g]));
  const party = (type: TransferRow["fromType"], id: number, prefix: "transferredFrom" | "transferredTo") =>
    type === "CUSTOMER" ? { [prefix]: person.get(id) ?? { userId: id, firstName: "", lastName: "" } } : { [`${prefix}UserGroup2`]: team.get(id) ?? null };
  return rows.map((r) => ({
    toEntityId: r.toId,
    toEntityType: ENTITY[r.toType],
    fromEntityId: r.fromId,
    fromEntityType: ENTITY[r.fromType],
    pointsTransferDate: vendorDate(r.createdAt),
    pointsTransferDateISO: r.createdAt.toISOString(),
    pointsTransferred: Number(r.points),
    transferId: r.id,
    transferType: opts.side ? opts.side(r) : "DEDUCTION",
    ...party(r.fromType, r.fromId, "transferredFrom"),
    ...party(r.toType, r.toId, "transferredTo"),
    notes: r.notes,
    programName: r.programName,
    promotionalPointsLeftBehind: Number(r.leftBehind),
  }));
}

/** §D.5 `transferredFromUserGroup2`: the group with its current members. */
async function groupDetails(client: Reader, orgId: number, ids: number[]) {
  if (ids.length === 0) return [];
  const [rows, members] = await Promise.all([
    client.userGroup.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, status: true, createdBy: true, createdAt: true } }),
    client.groupMembership.findMany({
      where: { orgId, groupId: { in: ids }, exitedAt: null },
      orderBy: [{ primaryMember: "desc" }, { joinedAt: "asc" }, { id: "asc" }],
      select: { customerId: true, groupId: true, defaultGroup: true, active: true, primaryMember: true, joinedAt: true },
    }),
  ]);
  const purchases = await lifetimePurchases(client, orgId, members);
  return rows.map((g) => ({
    id: g.id,
    groupStatus: g.status,
    createdBy: g.createdBy,
    createdOn: vendorDate(g.createdAt),
    lifeTimePurchases: purchases.get(g.id) ?? 0,
    fleetGroupUsers: members.filter((m) => m.groupId === g.id).map((m) => ({ userId: m.customerId, groupId: m.groupId, defaultGroup: m.defaultGroup, active: m.active, primaryMember: m.primaryMember })),
  }));
}

/** What the current members bought since they joined, less returns (as GET /v2/userGroup2/transactions counts it). */
async function lifetimePurchases(client: Reader, orgId: number, members: { customerId: number; groupId: number; joinedAt: Date }[]) {
  const out = new Map<number, number>();
  if (members.length === 0) return out;
  const bills = await client.transaction.findMany({
    where: { orgId, OR: members.map((m) => ({ customerId: m.customerId, billedAt: { gte: m.joinedAt } })) },
    select: { customerId: true, type: true, amount: true, billedAt: true },
  });
  for (const m of members) {
    const sum = bills
      .filter((b) => b.customerId === m.customerId && b.billedAt >= m.joinedAt)
      .reduce((s, b) => s + (b.type === "RETURN" ? -1 : b.type === "REGULAR" ? 1 : 0) * Number(b.amount), 0);
    out.set(m.groupId, (out.get(m.groupId) ?? 0) + sum);
  }
  return out;
}
