import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { rollupState } from "@/lib/ledger/rollup";
import { groupTiers, type GroupTier } from "./group-tier";

// The group wallet as the ledger holds it (DESIGN §3): the group's owner accounts (ownerType
// USERGROUP) per program, their postings, lots and expiries. Reads only; the ledger writes them.
// Until points are earned every figure is zero or empty, but the numbers are the ledger's own.

export type ProgramDetail = {
  programId: number;
  programName: string;
  isDefault: boolean;
  currentPoints: number;
  lifetimePoints: number;
  redeemedPoints: number;
  expiredPoints: number;
  returnedPoints: number;
  tier: { number: number; name: string } | null;
};
export type ExpirySchedule = { points: number; expiryDate: string; programId: number };
export type ExpiredPoints = { points: number; expiredOn: string; programId: number; expiredPointsSummary: unknown[] };

/**
 * Program-wise points of a group (our `programDetails`, SPEC §1.6 [INFERRED]): the default
 * program always (a group is enrolled there on creation, SPEC §1), plus every program where the
 * group has an account. A program's `tier` is the group's there: its primary member's
 * (lib/groups/group-tier.ts); a caller that shows the tiers too passes the read it already made.
 */
export async function groupProgramDetails(orgId: number, groupId: number, tiers: Promise<GroupTier[]> = groupTiers(orgId, groupId)): Promise<ProgramDetail[]> {
  const [programs, totals, held] = await Promise.all([
    db.program.findMany({
      where: { orgId, OR: [{ isDefault: true }, { accounts: { some: { ownerType: "USERGROUP", ownerId: groupId } } }] },
      select: { id: true, name: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    }),
    groupTotals(orgId, groupId),
    tiers,
  ]);
  const byProgram = new Map(totals.map((t) => [t.programId, t]));
  const tierOf = new Map(held.map((t) => [t.programId, { number: t.tierNumber, name: t.tierName }]));
  return programs.map((p) => {
    const t = byProgram.get(p.id);
    return {
      programId: p.id,
      programName: p.name,
      isDefault: p.isDefault,
      currentPoints: num(t?.balance),
      lifetimePoints: num(t?.lifetime),
      redeemedPoints: num(t?.redeemed),
      expiredPoints: num(t?.expired),
      returnedPoints: num(t?.returned),
      tier: tierOf.get(p.id) ?? null,
    };
  });
}

/**
 * The group's accounts with what the ledger moved on them by kind: the roll-up of postings up to
 * the watermark (lib/ledger/rollup.ts) plus the postings past it, in one statement (one snapshot,
 * so a refresh committing meanwhile is seen whole or not at all). `through` is the watermark read
 * just before, a literal for the planner: the range past it is short, read by primary key.
 */
async function groupTotals(orgId: number, groupId: number) {
  const { postingsThrough: through } = await rollupState();
  return db.$queryRaw<{ programId: number; balance: Prisma.Decimal; lifetime: Prisma.Decimal; redeemed: Prisma.Decimal; expired: Prisma.Decimal; returned: Prisma.Decimal }[]>`
    WITH acc AS MATERIALIZED (
      SELECT id, "programId", balance FROM "PointsAccount" WHERE "orgId" = ${orgId} AND "ownerType" = 'USERGROUP' AND "ownerId" = ${groupId}
    )
    SELECT acc."programId", acc.balance,
      COALESCE(SUM(x.credits) FILTER (WHERE x.kind IN ('EARN', 'TRANSFER', 'ADJUST')), 0) AS lifetime,
      COALESCE(-SUM(x.debits) FILTER (WHERE x.kind = 'REDEEM'), 0) AS redeemed,
      COALESCE(-SUM(x.debits) FILTER (WHERE x.kind = 'EXPIRE'), 0) AS expired,
      COALESCE(-SUM(x.debits) FILTER (WHERE x.kind = 'RETURN'), 0) AS returned
    FROM acc LEFT JOIN (
      SELECT r."accountId", r.kind, r.credits, r.debits FROM "AccountDayTotal" r WHERE r."accountId" IN (SELECT id FROM acc)
      UNION ALL
      SELECT p."accountId", m.kind, GREATEST(p.amount, 0), LEAST(p.amount, 0)
      FROM "Posting" p JOIN "Movement" m ON m.id = p."movementId"
      WHERE p."accountId" IN (SELECT id FROM acc) AND p.id > ${through} AND p.id > (SELECT COALESCE(MAX("postingsThrough"), 0) FROM "LedgerRollupState")
    ) x ON x."accountId" = acc.id
    GROUP BY acc.id, acc."programId", acc.balance`;
}

/** Points still open in the group's lots, by expiry date and program (vendor §E.2 `expirySchedules`). */
export async function groupExpirySchedules(orgId: number, groupId: number): Promise<ExpirySchedule[]> {
  const accounts = await db.pointsAccount.findMany({ where: { orgId, ownerType: "USERGROUP", ownerId: groupId }, select: { id: true, programId: true } });
  if (accounts.length === 0) return [];
  // The accounts as literals, so the planner knows how many open lots the wallet has (a join made
  // it guess five and sort tens of thousands on disk); days are hashed, formatted once each.
  const program = new Map(accounts.map((a) => [a.id, a.programId]));
  const rows = await db.$queryRaw<{ accountId: number; day: string; points: Prisma.Decimal }[]>`
    SELECT "accountId", to_char(d, 'YYYY-MM-DD') AS day, points FROM (
      SELECT l."accountId", date_trunc('day', l."expiresAt") AS d, SUM(l.remaining) AS points
      FROM "PointsLot" l
      WHERE l."accountId" IN (${Prisma.join([...program.keys()])}) AND l.remaining > 0 AND l."expiresAt" IS NOT NULL AND l."expiresAt" > now()
      GROUP BY 1, 2
    ) x`;
  return rows
    .map((r) => ({ points: num(r.points), expiryDate: r.day, programId: program.get(r.accountId)! }))
    .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : a.programId - b.programId));
}

/** Points the group lost to expiry, by day and program (vendor §E.2 `expiredPoints`). */
export async function groupExpiredPoints(orgId: number, groupId: number): Promise<ExpiredPoints[]> {
  const rows = await db.$queryRaw<{ programId: number; day: string; points: Prisma.Decimal }[]>`
    SELECT a."programId", to_char(m."createdAt", 'YYYY-MM-DD') AS day, -SUM(p.amount) AS points
    FROM "Posting" p JOIN "PointsAccount" a ON a.id = p."accountId" JOIN "Movement" m ON m.id = p."movementId"
    WHERE a."orgId" = ${orgId} AND a."ownerType" = 'USERGROUP' AND a."ownerId" = ${groupId} AND m.kind = 'EXPIRE' AND p.amount < 0
    GROUP BY a."programId", day ORDER BY day DESC, a."programId"`;
  return rows.map((r) => ({ points: num(r.points), expiredOn: r.day, programId: r.programId, expiredPointsSummary: [] }));
}

/**
 * Points each member's bills brought to the group wallet ("points contributed", SPEC §1.8), for
 * the members named: read from their bills (index customerId) to the movements and the group's
 * postings, so a page of 20 members costs their bills, not the wallet's whole history. With
 * `all`, every contributor of the wallet (the export).
 */
export async function pointsContributed(orgId: number, groupId: number, customerIds: readonly number[], { all = false } = {}): Promise<Map<number, number>> {
  if (customerIds.length === 0 && !all) return new Map();
  // Most of a big group (the CSV export): the roll-up of the wallet's contributions plus the
  // postings past its watermark, in one statement (see groupTotals).
  if (all || customerIds.length > 500) {
    const { postingsThrough: through } = await rollupState();
    const rows = await db.$queryRaw<{ customerId: number; points: Prisma.Decimal }[]>`
      WITH acc AS MATERIALIZED (SELECT id FROM "PointsAccount" WHERE "orgId" = ${orgId} AND "ownerType" = 'USERGROUP' AND "ownerId" = ${groupId})
      SELECT "customerId", SUM(points) AS points FROM (
        SELECT g."customerId", g.points FROM "GroupContribution" g WHERE g."accountId" IN (SELECT id FROM acc)
        UNION ALL
        SELECT t."customerId", p.amount
        FROM "Posting" p JOIN "Movement" m ON m.id = p."movementId" JOIN "Transaction" t ON t.id = m."transactionId"
        WHERE p."accountId" IN (SELECT id FROM acc) AND p.id > ${through} AND p.id > (SELECT COALESCE(MAX("postingsThrough"), 0) FROM "LedgerRollupState")
      ) x GROUP BY "customerId"`;
    return new Map(rows.map((r) => [r.customerId, num(r.points)]));
  }
  // Per bill (LATERAL): its movements and their postings on the group's wallet. Joined the other
  // way, the planner — not knowing which account the group's is — would read the whole wallet.
  const rows = await db.$queryRaw<{ customerId: number; points: Prisma.Decimal }[]>`
    SELECT t."customerId", SUM(x.amount) AS points
    FROM "Transaction" t
    CROSS JOIN LATERAL (
      SELECT p.amount FROM "Movement" m JOIN "Posting" p ON p."movementId" = m.id
      WHERE m."transactionId" = t.id
        AND p."accountId" IN (SELECT a.id FROM "PointsAccount" a WHERE a."orgId" = ${orgId} AND a."ownerType" = 'USERGROUP' AND a."ownerId" = ${groupId})
    ) x
    WHERE t."orgId" = ${orgId} AND t."customerId" IN (${Prisma.join(customerIds)})
    GROUP BY t."customerId"`;
  return new Map(rows.map((r) => [r.customerId, num(r.points)]));
}

function num(value: Prisma.Decimal | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
