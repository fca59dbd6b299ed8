import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createCustomer, createGroupsOrg } from "@/lib/testing/groups-factories";
import { encryptSecret } from "@/lib/webhooks/secret";
import { createGroup } from "./groups";
import { joinGroup } from "./join";
import { leaveGroup, transferMembers } from "./leave";
import { createGroupSchema } from "./schema";

// Our group events (issue 12) in the outbox, written by the change's own transaction.

async function subscribedOrg() {
  const o = await createGroupsOrg();
  await db.webhookSubscription.create({
    data: { orgId: o.orgId, name: "Members mirror", url: "https://93.184.216.34/hook", signingSecret: encryptSecret("whsec_g"), events: ["groupCreated", "groupMemberJoined", "groupMemberLeft"] },
  });
  const outbox = async () =>
    (await db.webhookDelivery.findMany({ where: { orgId: o.orgId }, orderBy: { id: "asc" }, select: { eventName: true, refId: true, payload: true } })).map((d) => ({
      eventName: d.eventName, refId: d.refId, data: (d.payload as { data: Record<string, unknown> }).data,
    }));
  const group = async (externalId: string) => createGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, input: createGroupSchema.parse({ externalId, groupName: `Family ${externalId}`, maxGroupSize: 5 }) });
  return { ...o, outbox, group };
}

describe("group webhooks", () => {
  it("a group created, members joining, one leaving and one moving each write their event", async () => {
    const o = await subscribedOrg();
    const [ana, ben, cy] = [await createCustomer(o.orgId), await createCustomer(o.orgId), await createCustomer(o.orgId)];
    const fam = await o.group("FAM-1");
    const other = await o.group("FAM-2");
    await joinGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, selector: { id: fam.id }, members: [{ userId: ana.id, primaryMember: true }, { userId: ben.id, permissions: ["allow_points_redemption"] }, { userId: cy.id }] });
    await leaveGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, groupId: fam.id, identifier: { name: "id", value: String(ben.id) } });
    await transferMembers({ orgId: o.orgId, actor: SYSTEM_ACTOR, input: { leaveGroupId: fam.id, joinGroupId: other.id, userIds: [cy.id] } });

    expect(await o.outbox()).toEqual([
      { eventName: "groupCreated", refId: `${o.orgId}_${fam.id}`, data: { groupId: fam.id, externalId: "FAM-1", groupName: "Family FAM-1", maxGroupSize: 5, createdBy: "system" } },
      { eventName: "groupCreated", refId: `${o.orgId}_${other.id}`, data: expect.objectContaining({ groupId: other.id, externalId: "FAM-2" }) },
      { eventName: "groupMemberJoined", refId: `${o.orgId}_${fam.id}`, data: { groupId: fam.id, customerId: ana.id, primaryMember: true, permissions: [], defaultGroup: true } },
      { eventName: "groupMemberJoined", refId: `${o.orgId}_${fam.id}`, data: expect.objectContaining({ customerId: ben.id, primaryMember: false, permissions: ["allow_points_redemption"] }) },
      { eventName: "groupMemberJoined", refId: `${o.orgId}_${fam.id}`, data: expect.objectContaining({ customerId: cy.id, primaryMember: false }) },
      { eventName: "groupMemberLeft", refId: `${o.orgId}_${fam.id}`, data: { groupId: fam.id, customerId: ben.id, primaryMember: false, groupStatus: "ACTIVE", movedToGroupId: null } },
      { eventName: "groupMemberLeft", refId: `${o.orgId}_${fam.id}`, data: { groupId: fam.id, customerId: cy.id, primaryMember: false, groupStatus: "ACTIVE", movedToGroupId: other.id } },
      { eventName: "groupMemberJoined", refId: `${o.orgId}_${other.id}`, data: expect.objectContaining({ groupId: other.id, customerId: cy.id }) },
    ]);
  });

  it("the primary leaving says the group went INACTIVE; a refused join writes nothing", async () => {
    const o = await subscribedOrg();
    const ana = await createCustomer(o.orgId);
    const fam = await o.group("FAM-3");
    await joinGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, selector: { id: fam.id }, members: [{ userId: ana.id, primaryMember: true }] });
    const refused = await joinGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, selector: { id: fam.id }, members: [{ userId: ana.id }] });
    expect(refused.failureCount).toBe(1);
    await leaveGroup({ orgId: o.orgId, actor: SYSTEM_ACTOR, groupId: fam.id, identifier: { name: "id", value: String(ana.id) } });
    const events = await o.outbox();
    expect(events.map((e) => e.eventName)).toEqual(["groupCreated", "groupMemberJoined", "groupMemberLeft"]);
    expect(events[2]!.data).toMatchObject({ customerId: ana.id, primaryMember: true, groupStatus: "INACTIVE" });
  });

  it("nothing is written for an org without subscribers, nor for events not subscribed", async () => {
    const bare = await createGroupsOrg();
    await createGroup({ orgId: bare.orgId, actor: SYSTEM_ACTOR, input: createGroupSchema.parse({ externalId: "FAM-4", maxGroupSize: 5 }) });
    expect(await db.webhookDelivery.count({ where: { orgId: bare.orgId } })).toBe(0);
    await db.webhookSubscription.create({ data: { orgId: bare.orgId, name: "Joins only", url: "https://93.184.216.34/hook", signingSecret: encryptSecret("whsec_j"), events: ["groupMemberJoined"] } });
    await createGroup({ orgId: bare.orgId, actor: SYSTEM_ACTOR, input: createGroupSchema.parse({ externalId: "FAM-5", maxGroupSize: 5 }) });
    expect(await db.webhookDelivery.count({ where: { orgId: bare.orgId } })).toBe(0);
  });
});
