import "server-only";
import { db } from "@/lib/db/client";
import { defaultGroupOf, type EntityType } from "@/lib/engine/points-queries";
import { AppError } from "@/lib/errors";
import { tierError } from "./errors";

// The vendor's tier reads (SPEC-vendor-api §D.8): GET /v2/customers/{id}/tierDetails and
// /v2/customers/lookup/tierDetails. A group (entityType=FLEET) has no tier of its own in the
// clone: it holds its primary member's, which tier sync passes to the secondaries.

const stamp = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : null);

export async function tierDetails({ orgId, customerId, entityType, programId, allPrograms }: { orgId: number; customerId: number; entityType: EntityType; programId?: number | undefined; allPrograms: boolean }) {
  let holder = customerId;
  let entityId = customerId;
  if (entityType === "FLEET") {
    const group = await defaultGroupOf(orgId, customerId);
    if (!group) throw new AppError("NOT_FOUND", "Default Fleet group not set for the user.", { code: 1647 });
    const primary = await db.groupMembership.findFirst({ where: { orgId, groupId: group.id, primaryMember: true, exitedAt: null }, select: { customerId: true } });
    entityId = group.id;
    holder = primary?.customerId ?? customerId;
  }
  const programs = await db.program.findMany({
    where: { orgId },
    select: { id: true, isDefault: true, tiers: { select: { id: true, number: true, name: true }, orderBy: { number: "asc" } } },
    orderBy: [{ isDefault: "desc" }, { id: "asc" }],
  });
  if (programId !== undefined && !programs.some((p) => p.id === programId)) throw tierError(1213, [], "programId");
  const chosen = allPrograms ? programs : programs.filter((p) => (programId === undefined ? p.isDefault : p.id === programId));
  const enrolments = await db.programEnrollment.findMany({ where: { orgId, customerId: holder, programId: { in: chosen.map((p) => p.id) } }, select: { programId: true, tierId: true, tierExpiresAt: true } });
  const programTiers = chosen.flatMap((p) => {
    const e = enrolments.find((x) => x.programId === p.id);
    if (!e && allPrograms) return [];
    const current = p.tiers.find((t) => t.id === e?.tierId) ?? null;
    const next = current ? p.tiers.find((t) => t.number > current.number) : p.tiers[0];
    return [{
      programId: p.id,
      currentTierName: current?.name ?? null,
      currentTierSerialNumber: current?.number ?? null,
      tierExpiryDate: stamp(e?.tierExpiresAt ?? null),
      nextTierName: next?.name ?? null,
      nextTierSerialNumber: next?.number ?? -1,
    }];
  });
  return { entityId, entityType, programTiers, warnings: [] };
}

/** A customer's tier history in a program, newest first (Member Care, audit). */
export async function tierHistory({ orgId, customerId, programId, take = 50 }: { orgId: number; customerId: number; programId?: number; take?: number }) {
  const rows = await db.tierChange.findMany({
    where: { orgId, customerId, ...(programId ? { programId } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  const tierIds = [...new Set(rows.flatMap((r) => [r.fromTierId, r.toTierId]).filter((id): id is number => id !== null))];
  const tiers = new Map((await db.tier.findMany({ where: { id: { in: tierIds } }, select: { id: true, name: true, number: true } })).map((t) => [t.id, t]));
  return rows.map((r) => ({
    id: r.id, at: r.at, programId: r.programId, action: r.action, cause: r.cause, reason: r.reason, expiresAt: r.expiresAt, actorType: r.actorType,
    from: r.fromTierId ? tiers.get(r.fromTierId) ?? null : null, to: r.toTierId ? tiers.get(r.toTierId) ?? null : null,
  }));
}
