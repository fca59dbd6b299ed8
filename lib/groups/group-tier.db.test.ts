import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { addTiers, enrolAt } from "@/lib/testing/tiers-factories";
import { createGroupWithMembers, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { groupTiers } from "./group-tier";
import { groupProgramDetails } from "./wallet";

describe("groupTiers", () => {
  it("is the current primary member's tier per program, default program first, and says whether members follow it", async () => {
    const f = await createTransfersOrg();
    const brand = await transfersDb.program(f.orgId, "Brand B");
    await addTiers(f.orgId, f.defaultProgram.id, undefined, { tierSyncGroupMembers: true });
    await addTiers(f.orgId, brand.id, [{ name: "Bronze B", threshold: 0 }, { name: "Gold B", threshold: 100 }]);
    const { group, members } = await createGroupWithMembers(f.orgId, [[], []]);
    const [primary, secondary] = members;
    await enrolAt(f.orgId, brand.id, primary!.id, "Gold B");
    await enrolAt(f.orgId, f.defaultProgram.id, primary!.id, "Gold");
    // A secondary's higher tier is not the group's.
    await enrolAt(f.orgId, f.defaultProgram.id, secondary!.id, "Platinum");

    expect((await groupTiers(f.orgId, group.id)).map((t) => [t.programName, t.tierName, t.membersFollow])).toEqual([
      [f.defaultProgram.name, "Gold", true],
      ["Brand B", "Gold B", false],
    ]);

    // The API's programDetails (and the group page's wallet) carry the same tier.
    expect((await groupProgramDetails(f.orgId, group.id)).map((d) => [d.programName, d.tier])).toEqual([[f.defaultProgram.name, { number: 2, name: "Gold" }]]);

    // The primary leaves: the group has no tier until a new primary is named.
    await testDb.groupMembership.updateMany({ where: { groupId: group.id, customerId: primary!.id }, data: { exitedAt: new Date(), active: false } });
    expect(await groupTiers(f.orgId, group.id)).toEqual([]);
  });

  it("is empty for a primary without a tier and never reads another org's group", async () => {
    const f = await createTransfersOrg();
    const other = await createTransfersOrg();
    await addTiers(f.orgId, f.defaultProgram.id);
    const { group, members } = await createGroupWithMembers(f.orgId, [[]]);
    await enrolAt(f.orgId, f.defaultProgram.id, members[0]!.id, null);
    expect(await groupTiers(f.orgId, group.id)).toEqual([]);
    await enrolAt(f.orgId, f.defaultProgram.id, members[0]!.id, "Silver");
    expect((await groupTiers(f.orgId, group.id)).map((t) => t.tierName)).toEqual(["Silver"]);
    expect(await groupTiers(other.orgId, group.id)).toEqual([]);
  });
});
