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
  /** The member a debit was made for (a redemption from a group wallet), when the movement names one. */
  member: { customerId: number; name: string } | null;
  workflow: { versionId: number; number: number; conditionId: string | null } | null;
  actor: { type: "USER" | "API_CLIENT" | "SYSTEM"; label: string };
};

type Raw = {
  postingId: number; movementId: number; at: Date; kind: string; points: Prisma.Decimal; balanceAfter: Prisma.Decimal;
  sourceType: string; sourceRef: string | null; notes: string; reversesId: number | null;
  transactionId: number | null; billNumber: string | null; billCustomerId: number | null; billFirstName: string | null; billLastName: string | null;
  workflowVersionId: number | null; workflowNumber: number | null; conditionId: string | null;
  actorType: "USER" | "API_CLIENT" | "SYSTEM"; actorId: number | null; userName: string | null; clientName: string | null;
};

/** One page of an owner's movements in a program, newest first unless `dir` is asc, with the balance after each. */
export async function listLedgerEntries({
  orgId, owner, programId, dir = "desc", page = 1, pageSize = PAGE_SIZE,
}: {
  orgId: number; owner: Owner; programId: number; dir?: SortDir; page?: number; pageSize?: number;
}): Promise<Page<LedgerEntry>> {
  const account = await db.pointsAccount.findFirst({
    where: { orgId, programId, ownerType: owner.type, ownerId: owner.id },
    select: { id: true, balance: true, _count: { select: { postings: true } } },
  });
  if (!account) return pageOf([], 0, 1, pageSize);
  const total = account._count.postings;
  const current = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  // Newest first: the balance after a row is today's balance less what came after it. Oldest
  // first: the sum up to and including it. Either way the window runs in the index's order.
  const order = dir === "asc" ? Prisma.sql`p."createdAt" ASC, p.id ASC` : Prisma.sql`p."createdAt" DESC, p.id DESC`;
  const balance = dir === "asc"
    ? Prisma.sql`SUM(p.amount) OVER (ORDER BY p."createdAt" ASC, p.id ASC ROWS UNBOUNDED PRECEDING)`
    : Prisma.sql`${account.balance}::numeric - COALESCE(SUM(p.amount) OVER (ORDER BY p."createdAt" DESC, p.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
  const rows = await db.$queryRaw<Raw[]>`
    WITH page AS (
      SELECT p.id, p.amount, p."createdAt", p."movementId", ${balance} AS "balanceAfter"
      FROM "Posting" p WHERE p."accountId" = ${account.id}
      ORDER BY ${order} LIMIT ${pageSize} OFFSET ${skipFor(current, pageSize)}
    )
    SELECT page.id AS "postingId", m.id AS "movementId", page."createdAt" AS at, m.kind::text AS kind, page.amount AS points, page."balanceAfter",
      m."sourceType", m."sourceRef", m.notes, m."reversesId",
      m."transactionId", t.number AS "billNumber", t."customerId" AS "billCustomerId", c."firstName" AS "billFirstName", c."lastName" AS "billLastName",
      m."workflowVersionId", w.number AS "workflowNumber", m."conditionId",
      m."actorType"::text AS "actorType", m."actorId", u.name AS "userName", k.name AS "clientName"
    FROM page
    JOIN "Movement" m ON m.id = page."movementId"
    LEFT JOIN "Transaction" t ON t.id = m."transactionId" AND t."orgId" = ${orgId}
    LEFT JOIN "Customer" c ON c.id = t."customerId"
    LEFT JOIN "WorkflowVersion" w ON w.id = m."workflowVersionId"
    LEFT JOIN "User" u ON m."actorType" = 'USER' AND u.id = m."actorId"
    LEFT JOIN "ApiClient" k ON m."actorType" = 'API_CLIENT' AND k.id = m."actorId"
    ORDER BY ${dir === "asc" ? Prisma.sql`page."createdAt" ASC, page.id ASC` : Prisma.sql`page."createdAt" DESC, page.id DESC`}`;
  return pageOf(rows.map(toEntry), total, current, pageSize);
}

function toEntry(r: Raw): LedgerEntry {
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
    member: null,
    workflow: r.workflowVersionId !== null ? { versionId: r.workflowVersionId, number: r.workflowNumber ?? 0, conditionId: r.conditionId } : null,
    actor: {
      type: r.actorType,
      label: r.actorType === "USER" ? (r.userName ?? `User ${r.actorId}`) : r.actorType === "API_CLIENT" ? (r.clientName ?? `API client ${r.actorId}`) : "System",
    },
  };
}
