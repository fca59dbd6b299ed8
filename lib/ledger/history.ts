import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, type Page, type SortDir } from "@/lib/pagination";
import type { Owner } from "./types";

// A wallet's history as Member Care reads it (SPEC §7 "Loyalty"): every movement on the owner's
// account in one program, with its provenance (the bill, the workflow version and condition, the
// agent or API client, the notes) and the balance after it. One program at a time, so the running
// balance is one window over one account's postings in index order: a page costs its offset plus
// its rows, not the wallet's whole history.

export type LedgerEntry = {
  postingId: number;
  movementId: number;
  at: Date;
  kind: string;
  points: number;
  balanceAfter: number;
  sourceType: string;
  sourceRef: string | null;
  notes: string;
  reversesId: number | null;
  /** The bill behind the movement; on a group wallet its customer is the member whose bill earned it. */
  transaction: { id: number; number: string; customerId: number; customerName: string } | null;
  /**
   * Who is behind a movement that is not a bill: the customer who redeemed (from a group wallet,
   * the member), who asked for a transfer out, or whose points a transfer brought in.
   */
  member: { customerId: number; name: string; role: "REDEEMED" | "TRANSFER_OUT" | "TRANSFER_IN" } | null;
  /** A transfer's other side: where the points went (out) or came from (in). */
  transfer: { direction: "IN" | "OUT"; party: { type: "CUSTOMER" | "USERGROUP"; id: number; name: string } } | null;
  workflow: { versionId: number; number: number; conditionId: string | null } | null;
  actor: { type: "USER" | "API_CLIENT" | "SYSTEM"; label: string };
};

type Raw = {
  postingId: number; movementId: number; at: Date; kind: string; points: Prisma.Decimal; balanceAfter: Prisma.Decimal;
  sourceType: string; sourceRef: string | null; notes: string; reversesId: number | null;
  transactionId: number | null; billNumber: string | null; billCustomerId: number | null; billFirstName: string | null; billLastName: string | null;
  workflowVersionId: number | null; workflowNumber: number | null; conditionId: string | null;
  actorType: "USER" | "API_CLIENT" | "SYSTEM"; actorId: number | null; userName: string | null; clientName: string | null;
  redeemerId: number | null;
  xFromType: "CUSTOMER" | "USERGROUP" | "SYSTEM" | null; xFromId: number | null; xToType: "CUSTOMER" | "USERGROUP" | "SYSTEM" | null; xToId: number | null; xInitiatorId: number | null;
};

/** One page of an owner's movements in a program, newest first unless `dir` is asc, with the balance after each. */
export async function listLedgerEntries({
  orgId, owner, programId, dir = "desc", page = 1, pageSize = PAGE_SIZE,
}: {
  orgId: number; owner: Owner; programId: number; dir?: SortDir; page?: number; pageSize?: number;
}): Promise<Page<LedgerEntry>> {
  const account = await db.pointsAccount.findFirst({
    where: { orgId, programId, ownerType: owner.type, ownerId: owner.id },
    select: { id: true, balance: true },
  });
  if (!account) return pageOf([], 0, 1, pageSize);
  const found = account;
  // Counted on its own (a relation _count makes Prisma group the whole Posting table first), at
  // the same time as the page asked for; a page past the last is read again as the last.
  const [total, asked] = await Promise.all([db.posting.count({ where: { accountId: account.id } }), readPage(page)]);
  const current = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = current === page ? asked : await readPage(current);
  const names = await partyNames(orgId, rows);
  return pageOf(rows.map((r) => toEntry(r, owner, names)), total, current, pageSize);

  function readPage(current: number) {
  // Newest first: the balance after a row is today's balance less what came after it. Oldest
  // first: the sum up to and including it. Either way the window runs in the index's order.
  const order = dir === "asc" ? Prisma.sql`p."createdAt" ASC, p.id ASC` : Prisma.sql`p."createdAt" DESC, p.id DESC`;
  const balance = dir === "asc"
    ? Prisma.sql`SUM(p.amount) OVER (ORDER BY p."createdAt" ASC, p.id ASC ROWS UNBOUNDED PRECEDING)`
    : Prisma.sql`${found.balance}::numeric - COALESCE(SUM(p.amount) OVER (ORDER BY p."createdAt" DESC, p.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
  return db.$queryRaw<Raw[]>`
    WITH page AS (
      SELECT p.id, p.amount, p."createdAt", p."movementId", ${balance} AS "balanceAfter"
      FROM "Posting" p WHERE p."accountId" = ${found.id}
      ORDER BY ${order} LIMIT ${pageSize} OFFSET ${skipFor(current, pageSize)}
    )
    SELECT page.id AS "postingId", m.id AS "movementId", page."createdAt" AS at, m.kind::text AS kind, page.amount AS points, page."balanceAfter",
      m."sourceType", m."sourceRef", m.notes, m."reversesId",
      m."transactionId", t.number AS "billNumber", t."customerId" AS "billCustomerId", c."firstName" AS "billFirstName", c."lastName" AS "billLastName",
      m."workflowVersionId", w.number AS "workflowNumber", m."conditionId",
      m."actorType"::text AS "actorType", m."actorId", u.name AS "userName", k.name AS "clientName",
      red."customerId" AS "redeemerId",
      x."fromType"::text AS "xFromType", x."fromId" AS "xFromId", x."toType"::text AS "xToType", x."toId" AS "xToId", x."initiatorId" AS "xInitiatorId"
    FROM page
    JOIN "Movement" m ON m.id = page."movementId"
    LEFT JOIN "Transaction" t ON t.id = m."transactionId" AND t."orgId" = ${orgId}
    LEFT JOIN "Customer" c ON c.id = t."customerId"
    LEFT JOIN "WorkflowVersion" w ON w.id = m."workflowVersionId"
    LEFT JOIN "User" u ON m."actorType" = 'USER' AND u.id = m."actorId"
    LEFT JOIN "ApiClient" k ON m."actorType" = 'API_CLIENT' AND k.id = m."actorId"
    -- Who redeemed: the redemption that paid with this movement (GIN index on movementIds).
    LEFT JOIN LATERAL (
      SELECT r."customerId" FROM "PointsRedemption" r
      WHERE m.kind = 'REDEEM' AND r."orgId" = ${orgId} AND r."movementIds" @> ARRAY[m.id]
      LIMIT 1
    ) red ON true
    LEFT JOIN "PointsTransfer" x ON x."movementId" = m.id AND x."orgId" = ${orgId}
    ORDER BY ${dir === "asc" ? Prisma.sql`page."createdAt" ASC, page.id ASC` : Prisma.sql`page."createdAt" DESC, page.id DESC`}`;
  }
}

type Names = { customers: Map<number, string>; groups: Map<number, string> };

/** The names of the customers and groups a page's redemptions and transfers refer to: two lookups, not one per row. */
async function partyNames(orgId: number, rows: Raw[]): Promise<Names> {
  const customerIds = new Set<number>();
  const groupIds = new Set<number>();
  for (const r of rows) {
    if (r.redeemerId !== null) customerIds.add(r.redeemerId);
    if (r.xInitiatorId !== null) customerIds.add(r.xInitiatorId);
    for (const [type, id] of [[r.xFromType, r.xFromId], [r.xToType, r.xToId]] as const) {
      if (id === null) continue;
      if (type === "CUSTOMER") customerIds.add(id);
      if (type === "USERGROUP") groupIds.add(id);
    }
  }
  const [customers, groups] = await Promise.all([
    customerIds.size === 0 ? [] : db.customer.findMany({ where: { orgId, id: { in: [...customerIds] } }, select: { id: true, firstName: true, lastName: true } }),
    groupIds.size === 0 ? [] : db.userGroup.findMany({ where: { orgId, id: { in: [...groupIds] } }, select: { id: true, groupName: true, externalId: true } }),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim() || `Customer ${c.id}`])),
    groups: new Map(groups.map((g) => [g.id, g.groupName || g.externalId])),
  };
}

function memberOf(r: Raw, owner: Owner, names: Names): Pick<LedgerEntry, "member" | "transfer"> {
  const customer = (id: number) => ({ customerId: id, name: names.customers.get(id) ?? `Customer ${id}` });
  const party = (type: Raw["xFromType"], id: number | null) =>
    (type === "CUSTOMER" || type === "USERGROUP") && id !== null
      ? { type, id, name: (type === "CUSTOMER" ? names.customers.get(id) : names.groups.get(id)) ?? `${type === "CUSTOMER" ? "Customer" : "Group"} ${id}` }
      : null;
  if (r.redeemerId !== null) return { member: { ...customer(r.redeemerId), role: "REDEEMED" }, transfer: null };
  if (r.xFromType === null) return { member: null, transfer: null };
  const out = r.xFromType === owner.type && r.xFromId === owner.id;
  const other = out ? party(r.xToType, r.xToId) : party(r.xFromType, r.xFromId);
  // Out: the customer who asked; in: the sending customer (or, from a group, who asked).
  const who = out ? r.xInitiatorId : r.xFromType === "CUSTOMER" ? r.xFromId : r.xInitiatorId;
  return {
    member: who === null ? null : { ...customer(who), role: out ? "TRANSFER_OUT" : "TRANSFER_IN" },
    transfer: other ? { direction: out ? "OUT" : "IN", party: other } : null,
  };
}

function toEntry(r: Raw, owner: Owner, names: Names): LedgerEntry {
  return {
    postingId: r.postingId,
    movementId: r.movementId,
    at: r.at,
    kind: r.kind,
    points: Number(r.points),
    balanceAfter: Number(r.balanceAfter),
    sourceType: r.sourceType,
    sourceRef: r.sourceRef,
    notes: r.notes,
    reversesId: r.reversesId,
    transaction: r.transactionId !== null && r.billNumber !== null && r.billCustomerId !== null
      ? { id: r.transactionId, number: r.billNumber, customerId: r.billCustomerId, customerName: `${r.billFirstName ?? ""} ${r.billLastName ?? ""}`.trim() || `Customer ${r.billCustomerId}` }
      : null,
    ...memberOf(r, owner, names),
    workflow: r.workflowVersionId !== null ? { versionId: r.workflowVersionId, number: r.workflowNumber ?? 0, conditionId: r.conditionId } : null,
    actor: {
      type: r.actorType,
      label: r.actorType === "USER" ? (r.userName ?? `User ${r.actorId}`) : r.actorType === "API_CLIENT" ? (r.clientName ?? `API client ${r.actorId}`) : "System",
    },
  };
}
