import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, type Page } from "@/lib/pagination";
import { entitiesByProgram, type EntityRef } from "./entities";
import { programIdSchema } from "./schema";

export type ProgramSummary = {
  id: number;
  name: string;
  description: string;
  isDefault: boolean;
  active: boolean;
  pointsToCurrencyRatio: string;
  tiersCount: number;
  createdAt: Date;
  entities: EntityRef[];
};

const summarySelect = {
  id: true,
  name: true,
  description: true,
  isDefault: true,
  active: true,
  pointsToCurrencyRatio: true,
  createdAt: true,
  _count: { select: { tiers: true } },
} as const;

/** The org's programs, the default program first (SPEC §6: it is starred and comes first). */
export async function listPrograms({ orgId }: { orgId: number }): Promise<ProgramSummary[]> {
  const rows = await db.program.findMany({ where: { orgId }, orderBy: [{ isDefault: "desc" }, { name: "asc" }], select: summarySelect });
  return withEntities(orgId, rows);
}

export const PROGRAM_SORTS = ["name", "tiers", "created"] as const;
export type ProgramSort = (typeof PROGRAM_SORTS)[number];

export type ProgramListRow = ProgramSummary & { points: PointsTotals };

/**
 * One page of the Programs list, sorted on the server. Whatever the sort, the default program
 * stays first: it is the org's umbrella program (seed 003) and the list stars it.
 */
export async function listProgramsPage({
  orgId,
  page,
  sort,
  dir,
}: {
  orgId: number;
  page: number;
  sort: ProgramSort;
  dir: "asc" | "desc";
}): Promise<Page<ProgramListRow>> {
  const order: Prisma.ProgramOrderByWithRelationInput =
    sort === "tiers" ? { tiers: { _count: dir } } : sort === "created" ? { createdAt: dir } : { name: dir };
  const [total, rows] = await Promise.all([
    db.program.count({ where: { orgId } }),
    db.program.findMany({
      where: { orgId },
      orderBy: [{ isDefault: "desc" }, order, { id: "asc" }],
      skip: skipFor(page),
      take: PAGE_SIZE,
      select: summarySelect,
    }),
  ]);
  const summaries = await withEntities(orgId, rows);
  const points = await pointsTotalsByProgram({ orgId, programIds: summaries.map((s) => s.id) });
  return pageOf(
    summaries.map((s) => ({ ...s, points: points.get(s.id) ?? ZERO_POINTS })),
    total,
    page,
  );
}

export type PointsTotals = { issued: string; redeemed: string; expired: string };
const ZERO_POINTS: PointsTotals = { issued: "0", redeemed: "0", expired: "0" };

/**
 * Points issued, redeemed and expired per program, from the ledger (DESIGN §3): the postings on
 * customer and group accounts, by the kind of the movement they belong to. Issued counts credits
 * of EARN movements; redeemed and expired count debits of REDEEM and EXPIRE, shown as positive.
 * System accounts are left out: they mirror the same amounts with the opposite sign.
 */
export async function pointsTotalsByProgram({ orgId, programIds }: { orgId: number; programIds: number[] }): Promise<Map<number, PointsTotals>> {
  const out = new Map<number, PointsTotals>();
  if (programIds.length === 0) return out;
  const rows = await db.$queryRaw<{ programId: number; kind: string; total: string }[]>`
    SELECT m."programId" AS "programId", m.kind::text AS kind, SUM(p.amount)::text AS total
    FROM "Posting" p
    JOIN "Movement" m ON m.id = p."movementId" AND m."orgId" = ${orgId}
    JOIN "PointsAccount" a ON a.id = p."accountId" AND a."orgId" = ${orgId}
    WHERE p."orgId" = ${orgId}
      AND m."programId" IN (${Prisma.join(programIds)})
      AND m.kind IN ('EARN', 'REDEEM', 'EXPIRE')
      AND a."ownerType" IN ('CUSTOMER', 'USERGROUP')
    GROUP BY m."programId", m.kind`;
  for (const row of rows) {
    const totals = out.get(row.programId) ?? { ...ZERO_POINTS };
    if (row.kind === "EARN") totals.issued = row.total;
    if (row.kind === "REDEEM") totals.redeemed = negate(row.total);
    if (row.kind === "EXPIRE") totals.expired = negate(row.total);
    out.set(row.programId, totals);
  }
  return out;
}

export type ProgramDetail = ProgramSummary & {
  updatedAt: Date;
  tiers: { id: number; number: number; name: string; threshold: string }[];
  contributors: { id: number; name: string; email: string }[];
};

/**
 * One program of the org, or null: an unknown id, a malformed one and another org's program all
 * look the same, so a page or the API never reveals that a program exists elsewhere.
 */
export async function getProgram({ orgId, programId }: { orgId: number; programId: number | string }): Promise<ProgramDetail | null> {
  const id = programIdSchema.safeParse(typeof programId === "string" && /^\d+$/.test(programId) ? Number(programId) : programId);
  if (!id.success) return null;
  const row = await db.program.findFirst({
    where: { id: id.data, orgId },
    select: {
      ...summarySelect,
      updatedAt: true,
      tiers: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true, threshold: true } },
      contributors: { orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!row) return null;
  const [summary] = await withEntities(orgId, [row]);
  if (!summary) return null;
  return {
    ...summary,
    updatedAt: row.updatedAt,
    tiers: row.tiers.map((t) => ({ ...t, threshold: t.threshold.toString() })),
    contributors: row.contributors.map((c) => c.user),
  };
}

type SummaryRow = Prisma.ProgramGetPayload<{ select: typeof summarySelect }>;

async function withEntities(orgId: number, rows: SummaryRow[]): Promise<ProgramSummary[]> {
  const entities = await entitiesByProgram(db, orgId, rows.map((r) => r.id));
  return rows.map(({ _count, pointsToCurrencyRatio, ...row }) => ({
    ...row,
    pointsToCurrencyRatio: pointsToCurrencyRatio.toString(),
    tiersCount: _count.tiers,
    entities: entities.get(row.id) ?? [],
  }));
}

function negate(total: string): string {
  return total.startsWith("-") ? total.slice(1) : total === "0" ? total : `-${total}`;
}
