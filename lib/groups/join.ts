import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getOrgConfig } from "@/lib/org/configs";
import { takePrimaryTier } from "@/lib/tiers/apply";
import { groupError } from "./errors";
import { groupCapacity, hasRoomFor, normalisePermissions, permissionWarnings, unknownPermission } from "./rules";
import type { GroupSelector, JoinMember } from "./schema";
import { assertGroupsEnabled, inTransaction, lockCustomer, lockGroup, resolveGroupId, uniqueViolation, type Tx } from "./store";
import { emitMemberJoined } from "./events";

// Joining members to a group (SPEC §1.3). Each member of a batch is admitted or refused on its
// own, in its own transaction that first locks the group row: twenty simultaneous joins to a
// group with room for four admit exactly four, and the others get 1638.

export type Membership = { userId: number; groupId: number; permissions: string[]; primaryMember: boolean; active: boolean; defaultGroup: boolean };
export type JoinItemError = { status: false; code: number; message: string };
export type JoinItem = { entityId: Membership; result: Membership | null; errors: JoinItemError[]; warnings: string[] };
export type JoinOutcome = { groupId: number; response: JoinItem[]; totalCount: number; failureCount: number };

export async function joinGroup({ orgId, actor, selector, members }: { orgId: number; actor: Actor; selector: GroupSelector; members: JoinMember[] }): Promise<JoinOutcome> {
  await assertGroupsEnabled(orgId);
  const groupId = await resolveGroupId(db, orgId, selector);
  const response: JoinItem[] = [];
  for (const member of members) {
    const asked: Membership = {
      userId: member.userId,
      groupId,
      permissions: member.permissions ?? [],
      primaryMember: member.primaryMember ?? false,
      active: member.active ?? true,
      defaultGroup: member.defaultGroup ?? false,
    };
    try {
      const { membership, warnings } = await inTransaction((tx) => admitMember(tx, { orgId, actor, groupId, member }));
      response.push({ entityId: membership, result: membership, errors: [], warnings });
    } catch (error) {
      const mapped = joinConflict(error, member, groupId);
      if (!(mapped instanceof AppError)) throw mapped;
      response.push({ entityId: asked, result: null, errors: [{ status: false, code: mapped.code, message: mapped.message }], warnings: [] });
    }
  }
  return { groupId, response, totalCount: response.length, failureCount: response.filter((r) => r.errors.length > 0).length };
}

/**
 * Admits one member inside the caller's transaction (a join item, a transfer, a fleet
 * association). Locks the group, then the customer, and checks in the documented order.
 */
export async function admitMember(
  tx: Tx,
  { orgId, actor, groupId, member, allowInactive = false }: { orgId: number; actor: Actor; groupId: number; member: JoinMember; allowInactive?: boolean },
): Promise<{ membership: Membership; warnings: string[] }> {
  const permissions = member.permissions ?? [];
  const bad = unknownPermission(permissions);
  if (bad !== undefined) throw groupError(1641, [bad], "permissions");
  const primaryMember = member.primaryMember ?? false;

  await lockGroup(tx, orgId, groupId);
  const group = await tx.userGroup.findUniqueOrThrow({ where: { id: groupId }, select: { status: true, maxGroupSize: true } });
  if (group.status !== "ACTIVE" && !allowInactive) throw groupError(1691, [groupId, group.status]);
  if (!(await lockCustomer(tx, orgId, member.userId))) throw groupError(1621, [member.userId], "userId");

  const current = await tx.groupMembership.findMany({ where: { groupId, exitedAt: null }, select: { customerId: true, primaryMember: true } });
  if (current.some((m) => m.customerId === member.userId)) throw groupError(1623, [member.userId, groupId], "userId");
  const hasPrimary = current.some((m) => m.primaryMember);
  if (primaryMember && hasPrimary) throw groupError(1637, [], "primaryMember");
  if (primaryMember) {
    const elsewhere = await tx.groupMembership.findFirst({ where: { customerId: member.userId, primaryMember: true, exitedAt: null }, select: { id: true } });
    if (elsewhere) throw groupError(1642, [], "primaryMember");
  }
  const capacity = groupCapacity(group.maxGroupSize, await getOrgConfig(orgId, "CONF_USER_GROUP_SIZE", tx));
  if (!hasRoomFor({ primaryMember }, { currentMembers: current.length, hasPrimary, capacity })) throw groupError(1638, [capacity]);

  const warnings = permissionWarnings({ primaryMember, permissions });
  const defaultGroup = await settleDefaultGroup(tx, member.userId, groupId, member.defaultGroup, warnings);
  const row = await tx.groupMembership.create({
    data: { orgId, groupId, customerId: member.userId, primaryMember, permissions: normalisePermissions(permissions), defaultGroup, active: member.active ?? true },
    select: { customerId: true, groupId: true, permissions: true, primaryMember: true, active: true, defaultGroup: true },
  });
  // Group tier sync (lib/tiers): a secondary who joins takes the primary's tier where the program syncs.
  if (!primaryMember) await takePrimaryTier(tx, { orgId, groupId, customerId: member.userId, actor });
  await emitMemberJoined(tx, orgId, row);
  return { membership: membershipOf(row), warnings };
}

/**
 * One default group per customer (SPEC §0): `defaultGroup: true` moves it here (with a warning
 * naming the group it leaves); left out, the first group a customer joins becomes the default.
 */
async function settleDefaultGroup(tx: Tx, customerId: number, groupId: number, asked: boolean | undefined, warnings: string[]): Promise<boolean> {
  if (asked === false) return false;
  const existing = await tx.groupMembership.findFirst({ where: { customerId, defaultGroup: true, exitedAt: null }, select: { id: true, groupId: true } });
  if (!existing) return true;
  if (asked === undefined) return false;
  await tx.groupMembership.update({ where: { id: existing.id }, data: { defaultGroup: false } });
  warnings.push(`Group ${existing.groupId} is no longer the default group of user ${customerId}; group ${groupId} is.`);
  return true;
}

/** A unique index that caught what a check could not (a race the locks do not cover) says the same as the check. */
function joinConflict(error: unknown, member: JoinMember, groupId: number): unknown {
  const index = uniqueViolation(error);
  if (index === null) return error;
  if (index.includes("one_primary_group")) return groupError(1642);
  if (index.includes("one_primary")) return groupError(1637);
  if (index.includes("one_default_group")) return new AppError("CONFLICT", `User ${member.userId} changed default group at the same time; try again.`, { code: 1636 });
  return groupError(1623, [member.userId, groupId]);
}

export function membershipOf(row: { customerId: number; groupId: number; permissions: string[]; primaryMember: boolean; active: boolean; defaultGroup: boolean }): Membership {
  return { userId: row.customerId, groupId: row.groupId, permissions: row.permissions, primaryMember: row.primaryMember, active: row.active, defaultGroup: row.defaultGroup };
}
