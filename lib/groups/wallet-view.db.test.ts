import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { setOrgConfig } from "@/lib/testing/groups-factories";
import { award, createGroupWithMembers, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { groupExpirySchedules, groupProgramDetails } from "./wallet";
import { groupWallets } from "./wallet-view";

// The group page's wallet follows CONF_ENABLE_GROUP_POINTS_BY_PROGRAM: one combined wallet (the
// default program's account) when off, one wallet per active program when on.
describe("groupWallets", () => {
  it("shows one combined wallet when the config is off, and one per program when it is on", async () => {
    const f = await createTransfersOrg();
    const brand = await transfersDb.program(f.orgId, "Brand B");
    const quiet = await transfersDb.program(f.orgId, "Another brand");
    const { group } = await createGroupWithMembers(f.orgId, [[]]);
    const owner = { type: "USERGROUP" as const, id: group.id };
    await award(f.orgId, f.defaultProgram.id, owner, 300);
    // Earned in Brand B while the org kept a wallet per program.
    await award(f.orgId, brand.id, owner, 40);
    const read = async () => groupWallets(f.orgId, await groupProgramDetails(f.orgId, group.id));

    const combined = await read();
    expect(combined.mode).toBe("COMBINED");
    expect(combined.wallets.map((w) => [w.programId, w.isDefault, w.currentPoints, w.lifetimePoints])).toEqual([[f.defaultProgram.id, true, 300, 300]]);
    // Brand B's account still holds 40 and is listed apart; the program where nothing moved is not.
    expect(combined.leftOver.map((w) => [w.programName, w.currentPoints])).toEqual([["Brand B", 40]]);

    await setOrgConfig(f.orgId, "CONF_ENABLE_GROUP_POINTS_BY_PROGRAM", true);
    const apart = await read();
    expect(apart.mode).toBe("PER_PROGRAM");
    // Default first, then by name; a program where the group has no account yet shows zero.
    expect(apart.wallets.map((w) => [w.programId, w.currentPoints])).toEqual([[f.defaultProgram.id, 300], [quiet.id, 0], [brand.id, 40]]);
    expect(apart.leftOver).toEqual([]);
  });

  it("leaves out inactive programs where the group holds nothing", async () => {
    const f = await createTransfersOrg({ CONF_ENABLE_GROUP_POINTS_BY_PROGRAM: true });
    const retired = await transfersDb.program(f.orgId, "Retired brand");
    await testDb.program.update({ where: { id: retired.id }, data: { active: false } });
    const { group } = await createGroupWithMembers(f.orgId, [[]]);
    const view = await groupWallets(f.orgId, await groupProgramDetails(f.orgId, group.id));
    expect(view.wallets.map((w) => [w.programId, w.currentPoints])).toEqual([[f.defaultProgram.id, 0]]);
  });

  it("lists the group's open points by expiry day and program: the schedule under the wallet", async () => {
    const f = await createTransfersOrg();
    const { group } = await createGroupWithMembers(f.orgId, [[]]);
    const owner = { type: "USERGROUP" as const, id: group.id };
    const day = (d: number) => new Date(Date.UTC(2099, 0, d, 12));
    await award(f.orgId, f.defaultProgram.id, owner, 70, { expiresAt: day(20) });
    await award(f.orgId, f.defaultProgram.id, owner, 30, { expiresAt: day(20) });
    await award(f.orgId, f.defaultProgram.id, owner, 50, { expiresAt: day(5) });
    // Points that never expire are not on the schedule.
    await award(f.orgId, f.defaultProgram.id, owner, 10);
    expect(await groupExpirySchedules(f.orgId, group.id)).toEqual([
      { points: 50, expiryDate: "2099-01-05", programId: f.defaultProgram.id },
      { points: 100, expiryDate: "2099-01-20", programId: f.defaultProgram.id },
    ]);
  });
});
