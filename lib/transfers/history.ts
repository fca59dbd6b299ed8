import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transferItems, type TransferRow } from "./answer";
import { findCustomer } from "./entities";
import { transferError } from "./errors";
import type { TransferHistoryQuery } from "./history-schema";
import type { CustomerEntityIdentifier } from "./schema";

// The transfer histories (SPEC-vendor-api §D.6), newest first, a page at a time: every transfer
// the entity sent (DEDUCTION) or received (ADDITION), read from PointsTransfer and its movement.

type Owner = { type: "CUSTOMER" | "USERGROUP"; id: number };

async function page(orgId: number, owner: Owner, { limit, offset, programId }: { limit: number; offset: number; programId?: number | undefined }) {
  const side: Prisma.PointsTransferWhereInput = { OR: [{ fromType: owner.type, fromId: owner.id }, { toType: owner.type, toId: owner.id }] };
  const where: Prisma.PointsTransferWhereInput = {
    orgId,
    ...side,
    ...(programId !== undefined ? { movement: { postings: { some: { amount: { lt: 0 }, account: { programId } } } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.pointsTransfer.count({ where }),
    db.pointsTransfer.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: offset, take: limit,
      select: { id: true, fromType: true, fromId: true, toType: true, toId: true, points: true, leftBehind: true, notes: true, createdAt: true, movement: { select: { program: { select: { name: true } } } } },
    }),
  ]);
  const list: TransferRow[] = rows.map((r) => ({ ...r, programName: r.movement.program.name }));
  const data = await transferItems(list, { orgId, side: (r) => (r.fromType === owner.type && r.fromId === owner.id ? "DEDUCTION" : "ADDITION") });
  return { data, pagination: { limit, offset, total }, warnings: [], errors: [] };
}

/** GET /v2/points/transfer: a customer's or (userEntityType=USERGROUP2) a group's transfers. */
export async function transferHistory({ orgId, query }: { orgId: number; query: TransferHistoryQuery }) {
  let owner: Owner;
  if (query.userEntityType === "USERGROUP2") {
    // A group no longer active still has its history, so any status is found here.
    const byId = query.identifierName === "id";
    const id = byId && /^\d{1,10}$/.test(query.identifierValue) ? Number(query.identifierValue) : null;
    const group = byId && (id === null || id > 2_147_483_647) ? null : await db.userGroup.findFirst({ where: { orgId, ...(byId ? { id: id! } : { externalId: query.identifierValue }) }, select: { id: true } });
    if (!group) throw transferError(1645, { kind: "NOT_FOUND", detail: `(no group with ${query.identifierName} ${query.identifierValue})`, field: "identifierValue" });
    const groupId = group.id;
    owner = { type: "USERGROUP", id: groupId };
  } else {
    const c = await findCustomer(orgId, { identifierType: query.identifierName as CustomerEntityIdentifier, value: query.identifierValue });
    if (!c) throw transferError(8015, { field: "identifierValue" });
    owner = { type: "CUSTOMER", id: c.id };
  }
  return page(orgId, owner, query);
}

/** GET /v2/customers/{id}/pointsTransfers: the customer's transfers, DEDUCTION and ADDITION rows. */
export async function customerTransfers({ orgId, customerId, limit, offset }: { orgId: number; customerId: number; limit: number; offset: number }) {
  const found = await db.customer.findFirst({ where: { orgId, id: customerId }, select: { id: true } });
  if (!found) throw transferError(8015, { field: "id" });
  return page(orgId, { type: "CUSTOMER", id: customerId }, { limit, offset });
}
