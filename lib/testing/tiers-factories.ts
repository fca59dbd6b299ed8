import { db } from "@/lib/db/client";
import type { TierDowngradeRule } from "@/lib/tiers/rules";

// Test data for tiers (lib/tiers): a program's tiers and tier policy, made directly (the rules
// under test are the evaluation's and the API's, not the Tiers tab's).

export const FAMILY_TIERS = [
  { name: "Silver", threshold: 0 },
  { name: "Gold", threshold: 5000 },
  { name: "Platinum", threshold: 20000 },
] as const;

export async function addTiers(
  orgId: number,
  programId: number,
  tiers: readonly { name: string; threshold: number; renewalThreshold?: number }[] = FAMILY_TIERS,
  policy: { tierValidityMonths?: number | null; tierDowngradeRule?: TierDowngradeRule; tierSyncGroupMembers?: boolean; tierBasis?: "LIFETIME_PURCHASES" | "LIFETIME_POINTS" } = {},
) {
  await db.program.update({ where: { id: programId }, data: { tierValidityMonths: 12, ...policy } });
  const rows = [];
  for (const [i, t] of tiers.entries()) {
    rows.push(await db.tier.create({ data: { orgId, programId, number: i + 1, name: t.name, threshold: t.threshold, renewalThreshold: t.renewalThreshold ?? null } }));
  }
  return rows;
}

/** Enrols the customer in the program at a tier (by name), as a registration would. */
export async function enrolAt(orgId: number, programId: number, customerId: number, tierName: string | null, extra: { tierExpiresAt?: Date; tierSince?: Date } = {}) {
  const tier = tierName ? await db.tier.findFirstOrThrow({ where: { programId, name: tierName } }) : null;
  return db.programEnrollment.upsert({
    where: { programId_customerId: { programId, customerId } },
    create: { orgId, programId, customerId, tierId: tier?.id ?? null, ...extra },
    update: { tierId: tier?.id ?? null, ...extra },
  });
}

export const tiersDb = {
  tierOf: async (programId: number, customerId: number) =>
    (await db.programEnrollment.findUnique({ where: { programId_customerId: { programId, customerId } }, select: { tier: { select: { name: true } }, tierExpiresAt: true } })) ?? null,
  changes: (orgId: number, customerId: number) => db.tierChange.findMany({ where: { orgId, customerId }, orderBy: { id: "asc" } }),
};
