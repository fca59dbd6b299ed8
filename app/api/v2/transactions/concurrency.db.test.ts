import { describe, expect, it } from "vitest";
import { bill, createEngineOrg, createFamily, engineDb, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

// 50 members of one group post at once (issue 13, "Done means"): every bill lands, the group
// wallet is the exact sum, no deadlock, no 500. Meaningful on PostgreSQL (CI runs the db project
// there); on the embedded database the transactions queue and the same totals must hold.
describe("50 concurrent transactions into one group wallet", () => {
  it("all land and the group balance is the exact sum", async () => {
    const f = await createEngineOrg();
    await engineDb.setGroupSize(f.orgId, 60);
    await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 50);
    const answers = await Promise.all(
      members.map((m, i) =>
        callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${m.mobile}`, {
          method: "POST",
          headers: { authorization: f.authorization, "content-type": "application/json" },
          body: JSON.stringify(bill(`C-${i}`, 100 + i * 10, { extendedFields: { member_card_swiped: "Yes" } })),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(members.map(() => 200));
    const expected = members.reduce((sum, _, i) => sum + Math.floor((100 + i * 10) / 10), 0);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(expected);
    expect(await engineDb.countBills({ orgId: f.orgId })).toBe(50);
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  }, 120_000);
});
