import "server-only";
import { db } from "@/lib/db/client";

export type ProgramSummary = {
  id: number;
  name: string;
  description: string;
  isDefault: boolean;
  active: boolean;
  pointsToCurrencyRatio: string;
  tiersCount: number;
  createdAt: Date;
};

/** The org's programs, the default program first (SPEC §6: it is starred and comes first). */
export async function listPrograms({ orgId }: { orgId: number }): Promise<ProgramSummary[]> {
  const rows = await db.program.findMany({
    where: { orgId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      isDefault: true,
      active: true,
      pointsToCurrencyRatio: true,
      createdAt: true,
      _count: { select: { tiers: true } },
    },
  });
  return rows.map(({ _count, pointsToCurrencyRatio, ...row }) => ({
    ...row,
    pointsToCurrencyRatio: pointsToCurrencyRatio.toString(),
    tiersCount: _count.tiers,
  }));
}
