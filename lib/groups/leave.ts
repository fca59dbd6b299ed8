import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getOrgConfig } from "@/lib/org/configs";
import { groupError } from "./errors";
import { admitMember } from "./join";
import type { LeaveIdentifier, TransferInput } from "./schema";
import { assertGroupsEnabled, findCustomerIdByIdentifier, inTransaction, lockGroup, type Tx } from "./store";
import { emitMemberLeft } from "./events";

// Leaving and moving between groups (SPEC §1.4, §1.5). A membership is never deleted: leaving
// sets exitedAt, so history stays and the member is listed as exited.

/**
 * A member leaves (or is removed from) a group. When the primary leaves, the group goes INACTIVE
 * unless CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT; its points stay with it.
 */
export async function leaveGroup({
  orgId,
  groupId,
  identifier,
}: {
  orgId: number;
  actor: Actor;
  groupId: number;
  identifier: { name: LeaveIdentifier; value: string };
}): Promise<{ customerId: number; groupStatus: string }> {
  return inTransaction(async (tx) => {
    await assertGroupsEnabled(orgId, tx);
    if (!(await lockGroup(tx, orgId, groupId))) throw groupError(1619, [groupId]);
    const customerId = await findCustomerIdByIdentifier(tx, orgId, identifier.name, identifier.value);
    return { customerId, groupStatus: await exitMember(tx, orgId, groupId, customerId) };
  });
}

/** Ends one current membership (group already locked); returns the group's status after. */
async function exitMember(tx: Tx, orgId: number, groupId: number, customerId: number): Promise<string> {
  const membership = await tx.groupMembership.findFirst({ where: { groupId, customerId, exitedAt: null }, select: { id: true, primaryMember: true } });
  if (!membership) throw groupError(1620, [customerId, groupId]);
  await tx.groupMembership.update({ where: { id: membership.id }, data: { exitedAt: new Date() } });
  let status: string;
  if (membership.primaryMember && !(await getOrgConfig(orgId, "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", tx))) {
    status = (await tx.userGroup.update({ where: { id: groupId }, data: { status: "INACTIVE" }, select: { status: true } })).status;
  } else {
    if (!membership.primaryMember) await resetTierToBase(tx, orgId, customerId, groupId);
    status = (await tx.userGroup.findUniqueOrThrow({ where: { id: groupId }, select: { status: true } })).status;
  }
  await emitMemberLeft(tx, orgId, { groupId, customerId, primaryMember: membership.primaryMember, groupStatus: status });
  return status;
}

/**
 * Moves members from one group to another, all or nothing (SPEC §1.5): each keeps their
 * permissions and default-group mark. A primary cannot move (1624). Points do not move with them.
 */
export async function transferMembers({ orgId, actor, input }: { orgId: number; actor: Actor; input: TransferInput }): Promise<{ moved: number[] }> {
  const { leaveGroupId, joinGroupId } = input;
  if (leaveGroupId === joinGroupId) throw groupError(1693, [leaveGroupId]);
  const userIds = [...new Set(input.userIds)];
  return inTransaction(async (tx) => {
    await assertGroupsEnabled(orgId, tx);
    // Both groups locked in id order, so two opposite transfers cannot deadlock.
    for (const id of [leaveGroupId, joinGroupId].sort((a, b) => a - b)) {
      if (!(await lockGroup(tx, orgId, id))) throw groupError(1619, [id]);
    }
    for (const userId of userIds) {
      const membership = await tx.groupMembership.findFirst({
        where: { groupId: leaveGroupId, customerId: userId, exitedAt: null },
        select: { id: true, primaryMember: true, permissions: true, defaultGroup: true, active: true },
      });
      if (!membership) throw groupError(1620, [userId, leaveGroupId]);
      if (membership.primaryMember) throw groupError(1624, [userId]);
      await tx.groupMembership.update({ where: { id: membership.id }, data: { exitedAt: new Date() } });
      const left = await tx.userGroup.findUniqueOrThrow({ where: { id: leaveGroupId }, select: { status: true } });
      await emitMemberLeft(tx, orgId, { groupId: leaveGroupId, customerId: userId, primaryMember: false, groupStatus: left.status, movedToGroupId: joinGroupId });
      await admitMember(tx, {
        orgId,
        actor,
        groupId: joinGroupId,
        member: { userId, primaryMember: false, permissions: membership.permissions, defaultGroup: membership.defaultGroup, active: membership.active },
      });
    }
    return { moved: userIds };
  });
}

/**
 * A secondary who leaves has their tier reset to base (SPEC §1): the group's tier reached them
 * through tier sync, and it stays with the group. A later individual transaction can upgrade them
 * again. The change is recorded like any tier change.
 */
async function resetTierToBase(tx: Tx, orgId: number, customerId: number, groupId: number): Promise<void> {
  const enrollment = await tx.programEnrollment.findFirst({
    where: { orgId, customerId, program: { isDefault: true } },
    select: { id: true, programId: true, tierId: true, tier: { select: { number: true } } },
  });
  if (!enrollment || enrollment.tierId === null || enrollment.tier?.number === 1) return;
  const base = await tx.tier.findFirst({ where: { programId: enrollment.programId, number: 1 }, select: { id: true } });
  if (!base) return;
  await tx.programEnrollment.update({ where: { id: enrollment.id }, data: { tierId: base.id, tierExpiresAt: null } });
  await tx.tierChange.create({
    data: { orgId, programId: enrollment.programId, customerId, fromTierId: enrollment.tierId, toTierId: base.id, action: "DOWNGRADE", reason: `Left group ${groupId}`, actorType: "SYSTEM" },
  });
}
