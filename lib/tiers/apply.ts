import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitTierEvent } from "./events";
import { byNumber, decideAfterActivity, type TierDecision, type TierDef, type TierPolicy } from "./rules";

// Writing a tier change (issue 12): the enrolment's tier and expiry, a TierChange row naming who
// and why, and — when the program says secondaries follow the primary — the same change for every
// current secondary of the groups the member is primary of, in the same transaction.

type Tx = Prisma.TransactionClient;
type Reader = Pick<Prisma.TransactionClient, "program">;

export type TierCause = "STRATEGY" | "MANUAL" | "WORKFLOW" | "SCHEDULE" | "GROUP_SYNC";

export type TierSetup = { programId: number; policy: TierPolicy; syncGroupMembers: boolean; tiers: TierDef[] };

export type TierChangeResult = {
  customerId: number;
  programId: number;
  action: TierDecision["action"];
  cause: TierCause;
  from: { number: number; name: string } | null;
  to: { number: number; name: string };
  expiresAt: Date | null;
  reason: string;
};

/** Each program's tiers and tier policy; programs without tiers are left out. */
export async function loadTierSetups(client: Reader, orgId: number, programIds: readonly number[]): Promise<Map<number, TierSetup>> {
  const rows = await client.program.findMany({
    where: { orgId, id: { in: [...programIds] } },
    select: {
      id: true, tierBasis: true, tierValidityMonths: true, tierDowngradeRule: true, tierSyncGroupMembers: true,
      tiers: { select: { id: true, number: true, name: true, threshold: true, renewalThreshold: true }, orderBy: { number: "asc" } },
    },
  });
  return new Map(
    rows
      .filter((p) => p.tiers.length > 0)
      .map((p) => [
        p.id,
        {
          programId: p.id,
          policy: { basis: p.tierBasis, validityMonths: p.tierValidityMonths, downgradeRule: p.tierDowngradeRule },
          syncGroupMembers: p.tierSyncGroupMembers,
          tiers: p.tiers.map((t) => ({ id: t.id, number: t.number, name: t.name, threshold: Number(t.threshold), renewalThreshold: t.renewalThreshold === null ? null : Number(t.renewalThreshold) })),
        },
      ]),
  );
}

export type EnrolmentTierState = { customerId: number; tierId: number | null; lifetimePurchases: number; lifetimePoints: number; reassess: boolean };

/** After an activity moved the member's KPIs: the strategy's upgrade (or reassessment), if any. */
export async function evaluateTierAfterActivity(
  tx: Tx,
  { orgId, setup, enrolment, actor, now, activity }: { orgId: number; setup: TierSetup; enrolment: EnrolmentTierState; actor: Actor; now: Date; activity: string },
): Promise<TierChangeResult[]> {
  const current = setup.tiers.find((t) => t.id === enrolment.tierId) ?? null;
  const value = setup.policy.basis === "LIFETIME_POINTS" ? enrolment.lifetimePoints : enrolment.lifetimePurchases;
  const decision = decideAfterActivity({ tiers: setup.tiers, current, value, policy: setup.policy, now, reassess: enrolment.reassess });
  if (enrolment.reassess) {
    await tx.programEnrollment.update({ where: { programId_customerId: { programId: setup.programId, customerId: enrolment.customerId } }, data: { tierReassessOnNextActivity: false } });
  }
  if (!decision) return [];
  // Taking the base tier for the first time is where a member starts, not a change worth a record.
  if (current === null && decision.to.id === byNumber(setup.tiers)[0]!.id) {
    await setEnrolmentTier(tx, orgId, setup.programId, enrolment.customerId, decision, now);
    return [];
  }
  return recordTierChange(tx, { orgId, setup, customerId: enrolment.customerId, from: current, decision, cause: "STRATEGY", reason: `${decision.note} (${activity})`, actor, now });
}

export async function recordTierChange(
  tx: Tx,
  {
    orgId, setup, customerId, from, decision, cause, reason, actor, now,
  }: { orgId: number; setup: TierSetup; customerId: number; from: TierDef | null; decision: TierDecision; cause: TierCause; reason: string; actor: Actor; now: Date },
): Promise<TierChangeResult[]> {
  await setEnrolmentTier(tx, orgId, setup.programId, customerId, decision, now);
  await tx.tierChange.create({
    data: {
      orgId, programId: setup.programId, customerId, fromTierId: from?.id ?? null, toTierId: decision.to.id, action: decision.action,
      reason: reason.slice(0, 500), cause, expiresAt: decision.expiresAt, ...actorColumns(actor),
    },
  });
  const result: TierChangeResult = {
    customerId, programId: setup.programId, action: decision.action, cause,
    from: from ? { number: from.number, name: from.name } : null, to: { number: decision.to.number, name: decision.to.name }, expiresAt: decision.expiresAt, reason,
  };
  await emitTierEvent(tx, orgId, result);
  if (cause === "GROUP_SYNC" || !setup.syncGroupMembers) return [result];
  return [result, ...(await syncSecondaries(tx, { orgId, setup, primaryId: customerId, decision, actor, now }))];
}

/**
 * Group tier sync: every current secondary of each active group the member is primary of takes
 * the primary's tier (same program, so the same tier by name), each with its own record.
 */
async function syncSecondaries(
  tx: Tx,
  { orgId, setup, primaryId, decision, actor, now }: { orgId: number; setup: TierSetup; primaryId: number; decision: TierDecision; actor: Actor; now: Date },
): Promise<TierChangeResult[]> {
  const secondaries = await tx.groupMembership.findMany({
    where: { orgId, exitedAt: null, primaryMember: false, group: { status: "ACTIVE", memberships: { some: { customerId: primaryId, primaryMember: true, exitedAt: null } } } },
    select: { customerId: true, groupId: true },
    orderBy: { customerId: "asc" },
  });
  const out: TierChangeResult[] = [];
  for (const member of secondaries) {
    const enrolment = await tx.programEnrollment.findUnique({ where: { programId_customerId: { programId: setup.programId, customerId: member.customerId } }, select: { tierId: true } });
    if (enrolment?.tierId === decision.to.id && decision.action !== "RENEWAL" && decision.action !== "EXTEND_CURRENT_TIER_EXPIRY_DATE") continue;
    const from = setup.tiers.find((t) => t.id === enrolment?.tierId) ?? null;
    const action = from === null || decision.to.number > from.number ? "UPGRADE" : decision.to.number < from.number ? "DOWNGRADE" : decision.action;
    out.push(
      ...(await recordTierChange(tx, {
        orgId, setup, customerId: member.customerId, from, decision: { ...decision, action }, cause: "GROUP_SYNC",
        reason: `Follows primary member ${primaryId} of group ${member.groupId} (${decision.to.name})`, actor, now,
      })),
    );
  }
  return out;
}

/** A member who joins a group whose primary holds a tier in a synced program takes that tier. */
export async function takePrimaryTier(tx: Tx, { orgId, groupId, customerId, actor }: { orgId: number; groupId: number; customerId: number; actor: Actor }): Promise<TierChangeResult[]> {
  const primary = await tx.groupMembership.findFirst({ where: { orgId, groupId, primaryMember: true, exitedAt: null }, select: { customerId: true } });
  if (!primary || primary.customerId === customerId) return [];
  const enrolments = await tx.programEnrollment.findMany({
    where: { orgId, customerId: primary.customerId, tierId: { not: null }, program: { tierSyncGroupMembers: true } },
    select: { programId: true, tierId: true, tierExpiresAt: true },
  });
  if (enrolments.length === 0) return [];
  const setups = await loadTierSetups(tx, orgId, enrolments.map((e) => e.programId));
  const out: TierChangeResult[] = [];
  for (const e of enrolments) {
    const setup = setups.get(e.programId);
    const to = setup?.tiers.find((t) => t.id === e.tierId);
    if (!setup || !to) continue;
    const mine = await tx.programEnrollment.findUnique({ where: { programId_customerId: { programId: e.programId, customerId } }, select: { tierId: true } });
    if (mine?.tierId === to.id) continue;
    const from = setup.tiers.find((t) => t.id === mine?.tierId) ?? null;
    const action = from === null || to.number > from.number ? "UPGRADE" : "DOWNGRADE";
    out.push(
      ...(await recordTierChange(tx, {
        orgId, setup, customerId, from, decision: { action, to, expiresAt: e.tierExpiresAt, note: "" }, cause: "GROUP_SYNC",
        reason: `Joined group ${groupId}: takes the tier of primary member ${primary.customerId} (${to.name})`, actor, now: new Date(),
      })),
    );
  }
  return out;
}

async function setEnrolmentTier(tx: Tx, orgId: number, programId: number, customerId: number, decision: TierDecision, now: Date) {
  // The renewal window restarts with every change except an extension of the current expiry.
  const since = decision.action === "EXTEND_CURRENT_TIER_EXPIRY_DATE" ? {} : { tierSince: now };
  await tx.programEnrollment.upsert({
    where: { programId_customerId: { programId, customerId } },
    create: { orgId, programId, customerId, tierId: decision.to.id, tierExpiresAt: decision.expiresAt, tierSince: now, enrolledVia: "TIER" },
    update: { tierId: decision.to.id, tierExpiresAt: decision.expiresAt, ...since },
    select: { id: true },
  });
}

export function actorColumns(actor: Actor): { actorType: "USER" | "API_CLIENT" | "SYSTEM"; actorId: number | null } {
  if (actor.kind === "user") return { actorType: "USER", actorId: actor.id };
  if (actor.kind === "apiClient") return { actorType: "API_CLIENT", actorId: actor.id };
  return { actorType: "SYSTEM", actorId: null };
}
