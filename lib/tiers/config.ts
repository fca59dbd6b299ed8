import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import type { TierInput, TierPolicyInput } from "./schema";

// The Tiers tab's writes (issue 12): a program's tier policy and its tiers. Each runs under the
// program row's lock, keeps thresholds rising with the tier number (tier 1 at 0, where everyone
// starts), and is audited with before and after.

type Tx = Prisma.TransactionClient;

async function lockProgram(tx: Tx, orgId: number, programId: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Program" WHERE id = ${programId} AND "orgId" = ${orgId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
}

const tierRow = { id: true, number: true, name: true, threshold: true, renewalThreshold: true, description: true } as const;
const plain = (t: { id: number; number: number; name: string; threshold: Prisma.Decimal; renewalThreshold: Prisma.Decimal | null; description: string }) => ({
  id: t.id, number: t.number, name: t.name, threshold: Number(t.threshold), renewalThreshold: t.renewalThreshold === null ? null : Number(t.renewalThreshold), description: t.description,
});

export async function saveTierPolicy({ orgId, actor, programId, input }: { orgId: number; actor: Actor; programId: number; input: TierPolicyInput }) {
  return db.$transaction(async (tx) => {
    await lockProgram(tx, orgId, programId);
    const select = { tierBasis: true, tierValidityMonths: true, tierDowngradeRule: true, tierSyncGroupMembers: true } as const;
    const before = await tx.program.findUniqueOrThrow({ where: { id: programId }, select });
    const after = { tierBasis: input.tierBasis, tierValidityMonths: input.tierValidityMonths, tierDowngradeRule: input.tierDowngradeRule, tierSyncGroupMembers: input.tierSyncGroupMembers };
    if (JSON.stringify(before) === JSON.stringify(after)) return after;
    await tx.program.update({ where: { id: programId }, data: after });
    await recordAudit(tx, { orgId, actor, action: "program.tiers.policy.update", entityType: "Program", entityId: programId, before, after });
    return after;
  });
}

/** Checks the tiers as they would be after a write: unique names, thresholds rising with the number. */
function checkLadder(tiers: { number: number; name: string; threshold: number }[], field: string) {
  const sorted = [...tiers].sort((a, b) => a.number - b.number);
  if (sorted[0] && sorted[0].threshold !== 0) throw new AppError("INVALID", `Tier 1 (${sorted[0].name}) is where every member starts: its threshold must be 0.`, { field: "threshold" });
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.threshold <= sorted[i - 1]!.threshold) {
      throw new AppError("INVALID", `Tier ${sorted[i]!.number} (${sorted[i]!.name}) needs a threshold above tier ${sorted[i - 1]!.number} (${sorted[i - 1]!.name}, ${sorted[i - 1]!.threshold}).`, { field });
    }
  }
  const names = new Set<string>();
  for (const t of sorted) {
    if (names.has(t.name.toLowerCase())) throw new AppError("CONFLICT", `This program already has a tier named ${t.name}.`, { field: "name" });
    names.add(t.name.toLowerCase());
  }
}

export async function createTier({ orgId, actor, programId, input }: { orgId: number; actor: Actor; programId: number; input: TierInput }) {
  return db.$transaction(async (tx) => {
    await lockProgram(tx, orgId, programId);
    const existing = (await tx.tier.findMany({ where: { programId }, select: tierRow, orderBy: { number: "asc" } })).map(plain);
    const number = (existing.at(-1)?.number ?? 0) + 1;
    checkLadder([...existing, { number, name: input.name, threshold: input.threshold }], "threshold");
    const row = plain(await tx.tier.create({ data: { orgId, programId, number, name: input.name, threshold: input.threshold, renewalThreshold: input.renewalThreshold, description: input.description }, select: tierRow }));
    await recordAudit(tx, { orgId, actor, action: "program.tier.create", entityType: "Tier", entityId: row.id, after: { programId, ...row } });
    return row;
  });
}

export async function updateTier({ orgId, actor, programId, tierId, input }: { orgId: number; actor: Actor; programId: number; tierId: number; input: TierInput }) {
  return db.$transaction(async (tx) => {
    await lockProgram(tx, orgId, programId);
    const existing = (await tx.tier.findMany({ where: { programId }, select: tierRow, orderBy: { number: "asc" } })).map(plain);
    const before = existing.find((t) => t.id === tierId);
    if (!before) throw new AppError("NOT_FOUND", `Tier ${tierId} not found in this program`);
    const next = { ...before, name: input.name, threshold: input.threshold, renewalThreshold: input.renewalThreshold, description: input.description };
    checkLadder(existing.map((t) => (t.id === tierId ? next : t)), "threshold");
    if (JSON.stringify(before) === JSON.stringify(next)) return before;
    await tx.tier.update({ where: { id: tierId }, data: { name: input.name, threshold: input.threshold, renewalThreshold: input.renewalThreshold, description: input.description } });
    await recordAudit(tx, { orgId, actor, action: "program.tier.update", entityType: "Tier", entityId: tierId, before, after: next });
    return next;
  });
}

/** Only the top tier can go, and only while no member holds it: numbers stay a ladder, nobody is left tierless. */
export async function deleteTier({ orgId, actor, programId, tierId }: { orgId: number; actor: Actor; programId: number; tierId: number }) {
  return db.$transaction(async (tx) => {
    await lockProgram(tx, orgId, programId);
    const existing = (await tx.tier.findMany({ where: { programId }, select: tierRow, orderBy: { number: "asc" } })).map(plain);
    const tier = existing.find((t) => t.id === tierId);
    if (!tier) throw new AppError("NOT_FOUND", `Tier ${tierId} not found in this program`);
    if (tier.id !== existing.at(-1)!.id) throw new AppError("CONFLICT", `Only the top tier can be removed; ${tier.name} has tiers above it.`);
    const holders = await tx.programEnrollment.count({ where: { programId, tierId } });
    if (holders > 0) throw new AppError("CONFLICT", `${holders} member${holders === 1 ? " holds" : "s hold"} ${tier.name}: move them to another tier first.`);
    const history = await tx.tierChange.count({ where: { programId, OR: [{ fromTierId: tierId }, { toTierId: tierId }] } });
    if (history > 0) throw new AppError("CONFLICT", `${tier.name} appears in members' tier history; it can be renamed but not removed.`);
    await tx.tier.delete({ where: { id: tierId } });
    await recordAudit(tx, { orgId, actor, action: "program.tier.delete", entityType: "Tier", entityId: tierId, before: { programId, ...tier } });
  });
}

export async function loadTiersTab(orgId: number, programId: number) {
  const program = await db.program.findFirst({
    where: { id: programId, orgId },
    select: {
      id: true, tierBasis: true, tierValidityMonths: true, tierDowngradeRule: true, tierSyncGroupMembers: true,
      tiers: { select: { ...tierRow, _count: { select: { enrollments: true } } }, orderBy: { number: "asc" } },
    },
  });
  if (!program) return null;
  return {
    policy: { tierBasis: program.tierBasis, tierValidityMonths: program.tierValidityMonths, tierDowngradeRule: program.tierDowngradeRule, tierSyncGroupMembers: program.tierSyncGroupMembers },
    tiers: program.tiers.map((t) => ({ ...plain(t), members: t._count.enrollments })),
  };
}
