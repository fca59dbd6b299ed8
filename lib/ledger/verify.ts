import type { PrismaClient } from "@/lib/generated/prisma/client";

// `npm run ledger:verify`: every ledger invariant (DESIGN.md §3) checked on the data as it is.
// Each problem names what is wrong, where, what was expected and what was found.

export type LedgerProblem = {
  check: string;
  orgId: number;
  movementId?: number;
  accountId?: number;
  lotId?: number;
  expected: string;
  found: string;
};

type Row = { orgId: number; movementId?: number | null; accountId?: number | null; lotId?: number | null; expected: unknown; found: unknown };

const CHECKS: { check: string; sql: (org: number | null) => string }[] = [
  {
    check: "movement postings sum to zero",
    sql: (org) => `SELECT m."orgId", m.id AS "movementId", '0' AS expected, COALESCE(SUM(p.amount), 0)::text AS found
      FROM "Movement" m LEFT JOIN "Posting" p ON p."movementId" = m.id ${where(org, "m")}
      GROUP BY m.id HAVING COALESCE(SUM(p.amount), 0) <> 0`,
  },
  {
    check: "movement has postings",
    sql: (org) => `SELECT m."orgId", m.id AS "movementId", 'at least 2' AS expected, '0' AS found
      FROM "Movement" m ${where(org, "m")} ${org === null ? "WHERE" : "AND"} NOT EXISTS (SELECT 1 FROM "Posting" p WHERE p."movementId" = m.id)`,
  },
  {
    check: "org postings sum to zero",
    sql: (org) => `SELECT p."orgId", '0' AS expected, SUM(p.amount)::text AS found
      FROM "Posting" p ${where(org, "p")} GROUP BY p."orgId" HAVING SUM(p.amount) <> 0`,
  },
  {
    check: "cached balance equals the account's postings",
    sql: (org) => `SELECT a."orgId", a.id AS "accountId", COALESCE(SUM(p.amount), 0)::text AS expected, a.balance::text AS found
      FROM "PointsAccount" a LEFT JOIN "Posting" p ON p."accountId" = a.id
      ${where(org, "a")} ${org === null ? "WHERE" : "AND"} a."ownerType" <> 'SYSTEM'
      GROUP BY a.id HAVING a.balance <> COALESCE(SUM(p.amount), 0)`,
  },
  {
    check: "open lots hold the balance (above zero)",
    sql: (org) => `SELECT a."orgId", a.id AS "accountId", GREATEST(a.balance, 0)::text AS expected,
        COALESCE((SELECT SUM(l.remaining) FROM "PointsLot" l WHERE l."accountId" = a.id AND l.remaining > 0), 0)::text AS found
      FROM "PointsAccount" a ${where(org, "a")} ${org === null ? "WHERE" : "AND"} a."ownerType" <> 'SYSTEM'
        AND GREATEST(a.balance, 0) <> COALESCE((SELECT SUM(l.remaining) FROM "PointsLot" l WHERE l."accountId" = a.id AND l.remaining > 0), 0)`,
  },
  {
    check: "only a group wallet is below zero",
    sql: (org) => `SELECT a."orgId", a.id AS "accountId", '>= 0' AS expected, a.balance::text AS found
      FROM "PointsAccount" a ${where(org, "a")} ${org === null ? "WHERE" : "AND"} a."ownerType" = 'CUSTOMER' AND a.balance < 0`,
  },
  {
    check: "a lot's amount less its remaining equals its consumptions",
    sql: (org) => `SELECT l."orgId", l.id AS "lotId", l."accountId", l."movementId", (l.amount - l.remaining)::text AS expected,
        COALESCE(SUM(c.amount), 0)::text AS found
      FROM "PointsLot" l LEFT JOIN "LotConsumption" c ON c."lotId" = l.id ${where(org, "l")}
      GROUP BY l.id HAVING l.amount - l.remaining <> COALESCE(SUM(c.amount), 0)`,
  },
  {
    check: "lot remaining within 0 and its amount",
    sql: (org) => `SELECT l."orgId", l.id AS "lotId", l."accountId", ('0..' || l.amount) AS expected, l.remaining::text AS found
      FROM "PointsLot" l ${where(org, "l")} ${org === null ? "WHERE" : "AND"} (l.remaining < 0 OR l.remaining > l.amount)`,
  },
  {
    check: "no promotional points in a group wallet",
    sql: (org) => `SELECT l."orgId", l.id AS "lotId", l."accountId", 'REGULAR' AS expected, 'PROMOTIONAL' AS found
      FROM "PointsLot" l JOIN "PointsAccount" a ON a.id = l."accountId"
      ${where(org, "l")} ${org === null ? "WHERE" : "AND"} l.kind = 'PROMOTIONAL' AND a."ownerType" = 'USERGROUP'`,
  },
  {
    check: "a movement is reversed at most once",
    sql: (org) => `SELECT m."orgId", m."reversesId" AS "movementId", '1' AS expected, COUNT(*)::text AS found
      FROM "Movement" m ${where(org, "m")} ${org === null ? "WHERE" : "AND"} m."reversesId" IS NOT NULL
      GROUP BY m."orgId", m."reversesId" HAVING COUNT(*) > 1`,
  },
];

function where(org: number | null, alias: string): string {
  return org === null ? "" : `WHERE ${alias}."orgId" = ${Math.trunc(org)}`;
}

/** Every invariant breach in the database (or in one org); empty when the ledger is sound. */
export async function verifyLedger(client: Pick<PrismaClient, "$queryRawUnsafe">, orgId: number | null = null): Promise<LedgerProblem[]> {
  const problems: LedgerProblem[] = [];
  for (const { check, sql } of CHECKS) {
    const rows = await client.$queryRawUnsafe<Row[]>(sql(orgId));
    for (const r of rows) {
      problems.push({
        check,
        orgId: r.orgId,
        ...(r.movementId != null ? { movementId: r.movementId } : {}),
        ...(r.accountId != null ? { accountId: r.accountId } : {}),
        ...(r.lotId != null ? { lotId: r.lotId } : {}),
        expected: String(r.expected),
        found: String(r.found),
      });
    }
  }
  return problems;
}

export function formatProblem(p: LedgerProblem): string {
  const where = [`org ${p.orgId}`, p.movementId && `movement ${p.movementId}`, p.accountId && `account ${p.accountId}`, p.lotId && `lot ${p.lotId}`]
    .filter(Boolean)
    .join(", ");
  return `${p.check}: ${where}: expected ${p.expected}, found ${p.found}`;
}
