import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { emitEvent } from "@/lib/webhooks/outbox";
import type { Tx } from "./store";

// Our group webhooks (issue 12, beyond the vendor's 16): groupCreated, groupMemberJoined and
// groupMemberLeft, written to the outbox in the transaction of the change (lib/webhooks). With
// them an integrator keeps a copy of who is in which group without polling the members list.

export async function emitGroupCreated(tx: Tx, orgId: number, g: { id: number; externalId: string; groupName: string; maxGroupSize: number }, actor: Actor): Promise<void> {
  await emitEvent(tx, {
    orgId, eventName: "groupCreated", refId: `${orgId}_${g.id}`,
    data: { groupId: g.id, externalId: g.externalId, groupName: g.groupName, maxGroupSize: g.maxGroupSize, createdBy: actor.label },
  });
}

export async function emitMemberJoined(
  tx: Tx,
  orgId: number,
  m: { groupId: number; customerId: number; primaryMember: boolean; permissions: string[]; defaultGroup: boolean },
): Promise<void> {
  await emitEvent(tx, {
    orgId, eventName: "groupMemberJoined", refId: `${orgId}_${m.groupId}`,
    data: { groupId: m.groupId, customerId: m.customerId, primaryMember: m.primaryMember, permissions: m.permissions, defaultGroup: m.defaultGroup },
  });
}

/** A member left: by leaving, by a move to another group (movedToGroupId), or with the group deleted. */
export async function emitMemberLeft(
  tx: Tx,
  orgId: number,
  m: { groupId: number; customerId: number; primaryMember: boolean; groupStatus: string; movedToGroupId?: number },
): Promise<void> {
  await emitEvent(tx, {
    orgId, eventName: "groupMemberLeft", refId: `${orgId}_${m.groupId}`,
    data: { groupId: m.groupId, customerId: m.customerId, primaryMember: m.primaryMember, groupStatus: m.groupStatus, movedToGroupId: m.movedToGroupId ?? null },
  });
}
