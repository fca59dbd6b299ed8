import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { joinGroup } from "@/lib/groups/join";
import { leaveGroup } from "@/lib/groups/leave";
import { createEngineOrg, createFamily } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { addTiers, enrolAt, tiersDb } from "@/lib/testing/tiers-factories";
import { reassessExpiredTiers } from "./sweep";

const DAY = 86_400_000;

async function expiredGoldMember(orgId: number, programId: number, purchasesWhileGold: number) {
  const c = await createCustomer(orgId);
  const since = new Date(Date.now() - 400 * DAY);
  await enrolAt(orgId, programId, c.id, "Gold", { tierSince: since, tierExpiresAt: new Date(Date.now() - DAY) });
  if (purchasesWhileGold > 0) {
    await db.transaction.create({ data: { orgId, customerId: c.id, type: "REGULAR", number: `P-${c.id}`, amount: purchasesWhileGold, billedAt: new Date(Date.now() - 100 * DAY), programIds: [programId] } });
  }
  return c;
}

describe("when tier validities end (tiers:reassess)", () => {
  it("renews a member who earned the renewal value while holding the tier, and drops one tier for one who did not", async () => {
    const f = await createEngineOrg();
    const programId = f.defaultProgram.id;
    await addTiers(f.orgId, programId, [{ name: "Silver", threshold: 0 }, { name: "Gold", threshold: 5000, renewalThreshold: 3000 }, { name: "Platinum", threshold: 20000 }]);
    const keeper = await expiredGoldMember(f.orgId, programId, 3500);
    const loser = await expiredGoldMember(f.orgId, programId, 1000);
    const changes = await reassessExpiredTiers({ orgId: f.orgId });
    expect(changes.map((c) => [c.customerId, c.action, c.cause, c.to.name])).toEqual([
      [keeper.id, "RENEWAL", "SCHEDULE", "Gold"],
      [loser.id, "DOWNGRADE", "SCHEDULE", "Silver"],
    ]);
    const kept = await tiersDb.tierOf(programId, keeper.id);
    expect(kept?.tier?.name).toBe("Gold");
    expect(kept!.tierExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    // The base tier never expires.
    expect(await tiersDb.tierOf(programId, loser.id)).toMatchObject({ tier: { name: "Silver" }, tierExpiresAt: null });
    expect((await tiersDb.changes(f.orgId, loser.id))[0]?.reason).toContain("below the 3000 to keep Gold");
    // Nothing is due any more: a rerun changes nothing.
    expect(await reassessExpiredTiers({ orgId: f.orgId })).toEqual([]);
  });

  it("two sweeps at once decide each member once", async () => {
    const f = await createEngineOrg();
    const programId = f.defaultProgram.id;
    await addTiers(f.orgId, programId);
    const members = [];
    for (let i = 0; i < 6; i++) members.push(await expiredGoldMember(f.orgId, programId, 0));
    const [a, b] = await Promise.all([reassessExpiredTiers({ orgId: f.orgId, batchSize: 2 }), reassessExpiredTiers({ orgId: f.orgId, batchSize: 2 })]);
    expect([...a, ...b].map((c) => c.customerId).sort()).toEqual(members.map((m) => m.id).sort());
    for (const m of members) expect(await tiersDb.changes(f.orgId, m.id)).toHaveLength(1);
  });
});

describe("group tier sync on join and leave", () => {
  it("a secondary who joins takes the primary's tier where the program syncs, and is reset to base on leaving", async () => {
    const f = await createEngineOrg();
    const programId = f.defaultProgram.id;
    await addTiers(f.orgId, programId, undefined, { tierSyncGroupMembers: true });
    const { group, members } = await createFamily(f.orgId, 1);
    await enrolAt(f.orgId, programId, members[0]!.id, "Gold", { tierExpiresAt: new Date(Date.now() + 90 * DAY) });
    const newcomer = await createCustomer(f.orgId);
    await enrolAt(f.orgId, programId, newcomer.id, "Silver");
    await joinGroup({ orgId: f.orgId, actor: SYSTEM_ACTOR, selector: { id: group.id }, members: [{ userId: newcomer.id, primaryMember: false, permissions: [] }] });
    expect((await tiersDb.tierOf(programId, newcomer.id))?.tier?.name).toBe("Gold");
    expect((await tiersDb.changes(f.orgId, newcomer.id))[0]).toMatchObject({ action: "UPGRADE", cause: "GROUP_SYNC" });
    await leaveGroup({ orgId: f.orgId, actor: SYSTEM_ACTOR, groupId: group.id, identifier: { name: "mobile", value: newcomer.mobile } });
    expect((await tiersDb.tierOf(programId, newcomer.id))?.tier?.name).toBe("Silver");
  });
});
