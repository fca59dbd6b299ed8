import { testDb } from "@/lib/testing/db";
import { describe, expect, it } from "vitest";
import { recentGroupBills } from "@/lib/groups/member-care-activity";
import { listLedgerEntries } from "@/lib/ledger/history";
import { bill, createEngineOrg, createFamily, engineDb, publishLive } from "@/lib/testing/engine-factories";
import { callRoute } from "@/lib/testing/route";
import { setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { award, createGroupWithMembers, createTransfersOrg } from "@/lib/testing/transfers-factories";
import { POST as REDEEM } from "../../../../api/v2/customers/[id]/redemptions/route";
import { POST as GROUP_TRANSFER } from "../../../../api/v2/points/userGroup2/transfer/route";
import { POST } from "../../../../api/v2/transactions/route";

// What the group page reads (SPEC §7 "Group view"): the group wallet's ledger names the member
// whose bill earned each credit, with the workflow condition behind it and the balance after it;
// the recent bills are every member's. The bills come in through the API, as a POS sends them.
const post = (authorization: string, mobile: string, body: unknown) =>
  callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
    method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body),
  });

describe("the group page's ledger and bills", () => {
  it("shows which member's bill earned each group credit, newest first, with the running balance", async () => {
    const f = await createEngineOrg();
    const version = await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2);
    const [ana, ben] = members as [(typeof members)[number], (typeof members)[number]];
    expect((await post(f.authorization, ana.mobile, bill("G-ANA", 1000, { billingDate: new Date().toISOString(), extendedFields: { member_card_swiped: "Yes" } }))).status).toBe(200);
    expect((await post(f.authorization, ben.mobile, bill("G-BEN", 500, { billingDate: new Date(Date.now() + 1000).toISOString(), extendedFields: { member_card_swiped: "Yes" } }))).status).toBe(200);
    await engineDb.spend(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 10);

    const owner = { type: "USERGROUP" as const, id: group.id };
    const { rows, total } = await listLedgerEntries({ orgId: f.orgId, owner, programId: f.defaultProgram.id });
    expect(total).toBe(3);
    const [spent, benCredit, anaCredit] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    expect(spent).toMatchObject({ kind: "REDEEM", points: -10, transaction: null });
    expect(benCredit).toMatchObject({ kind: "EARN", transaction: { number: "G-BEN", customerId: ben.id }, workflow: { versionId: version.id } });
    expect(anaCredit).toMatchObject({ kind: "EARN", transaction: { number: "G-ANA", customerId: ana.id } });
    // The credit names the seed's "User Group" condition of the LIVE version that awarded it.
    const live = await testDb.workflowVersion.findUniqueOrThrow({ where: { id: version.id }, select: { document: true } });
    const conditions = (live.document as { activities: { rulesets: { conditions: { id: string; name: string }[] }[] }[] }).activities[0]!.rulesets[0]!.conditions;
    expect(anaCredit.workflow).toEqual({ versionId: version.id, number: version.number, conditionId: conditions.find((c) => c.name === "User Group")!.id });
    // Balances after each movement add up from the oldest.
    expect(benCredit.balanceAfter).toBe(anaCredit.points + benCredit.points);
    expect(spent.balanceAfter).toBe(benCredit.balanceAfter - 10);
    const oldestFirst = await listLedgerEntries({ orgId: f.orgId, owner, programId: f.defaultProgram.id, dir: "asc", pageSize: 2, page: 2 });
    expect(oldestFirst.rows.map((r) => [r.kind, r.balanceAfter])).toEqual([["REDEEM", spent.balanceAfter]]);
    // A page past the last (an old link) shows the last page.
    const past = await listLedgerEntries({ orgId: f.orgId, owner, programId: f.defaultProgram.id, dir: "asc", pageSize: 2, page: 9 });
    expect([past.page, past.rows.map((r) => r.kind)]).toEqual([2, ["REDEEM"]]);

    const { bills, lifetimeSpend } = await recentGroupBills({ orgId: f.orgId, groupId: group.id });
    // Bills made while a member count for the group (joined ≤ billed).
    expect(bills.map((b) => [b.number, b.customerId])).toEqual([["G-BEN", ben.id], ["G-ANA", ana.id]]);
    expect(lifetimeSpend).toBe(1500);
  });

  it("names who redeemed each debit and who moved points out (and in), with the other side of a transfer", async () => {
    const f = await createTransfersOrg();
    const programId = f.defaultProgram.id;
    await setRedemptionStrategy(f.orgId, programId);
    const { group, members } = await createGroupWithMembers(f.orgId, [[], ["allow_points_redemption"]]);
    const [primary, friend] = members as [(typeof members)[number], (typeof members)[number]];
    const outsider = await createGroupWithMembers(f.orgId, [[]]);
    await award(f.orgId, programId, { type: "USERGROUP", id: group.id }, 200);
    const json = (body: unknown) => ({ method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(body) });
    const redeemed = await callRoute(REDEEM, `/v2/customers/${friend.id}/redemptions`, { ...json({ redemptionType: "POINTS", transactionNumber: "R-77", points: 40, userGroup2Id: group.id }), params: { id: String(friend.id) } });
    expect(redeemed.status).toBe(200);
    const by = (id: number) => ({ identifierType: "id", identifierValue: String(id), source: "INSTORE" });
    const toGroup = (id: number) => ({ type: "USERGROUP2", identifierType: "id", identifierValue: String(id), source: "INSTORE" });
    const moved = await callRoute(GROUP_TRANSFER, "/api/v2/points/userGroup2/transfer", json({ pointsTobeTransferred: 25, transferredBy: by(primary.id), fromEntity: toGroup(group.id), toEntity: toGroup(outsider.group.id) }));
    expect(moved.status).toBe(200);

    const { rows } = await listLedgerEntries({ orgId: f.orgId, owner: { type: "USERGROUP", id: group.id }, programId });
    const [out, redeem, earned] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    expect(earned).toMatchObject({ kind: "EARN", member: null, transfer: null });
    expect(redeem).toMatchObject({ kind: "REDEEM", points: -40, member: { customerId: friend.id, name: `${friend.firstName} ${friend.lastName}`, role: "REDEEMED" }, actor: { type: "API_CLIENT" }, sourceRef: "R-77" });
    expect(out).toMatchObject({
      kind: "TRANSFER", points: -25, member: { customerId: primary.id, role: "TRANSFER_OUT" },
      transfer: { direction: "OUT", party: { type: "USERGROUP", id: outsider.group.id, name: "Transfer group" } },
    });
    // The receiving group's ledger names where the points came from, and who sent them.
    const theirs = await listLedgerEntries({ orgId: f.orgId, owner: { type: "USERGROUP", id: outsider.group.id }, programId });
    expect(theirs.rows[0]).toMatchObject({ kind: "TRANSFER", points: 25, member: { customerId: primary.id, role: "TRANSFER_IN" }, transfer: { direction: "IN", party: { type: "USERGROUP", id: group.id } } });
  });
});
