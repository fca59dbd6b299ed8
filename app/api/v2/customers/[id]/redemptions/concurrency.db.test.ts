import { describe, expect, it } from "vitest";
import { createFamily, walletBalance } from "@/lib/testing/engine-factories";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

// 100 redemptions at once against one group wallet (issue 11, "Done means"): the wallet is never
// overdrawn, the sum is exact, the losers get 818 and nothing else (no deadlock, no 500).
// Meaningful on PostgreSQL (CI runs the db project there); on the embedded database the
// transactions queue and the same totals must hold.
describe("100 concurrent redemptions from one group wallet", () => {
  it("never overdraw it, and the balance is exactly what the winners left", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 5);
    for (const m of members.slice(1)) await redemptionDb.setPermissions(group.id, m.id, ["allow_points_redemption"]);
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 1000);

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const member = members[i % members.length]!;
        return callRoute(POST, `/v2/customers/${member.id}/redemptions`, {
          method: "POST",
          params: { id: String(member.id) },
          headers: { authorization: f.authorization, "content-type": "application/json", "idempotency-key": `hot-${i}` },
          body: JSON.stringify({ points: 15, userGroup2Id: group.id, transactionNumber: `HOT-${i}` }),
        });
      }),
    );
    const won = answers.filter((a) => a.status === 200).length;
    const lost = answers.filter((a) => a.status === 409 && (a.body as { errors: { code: number }[] }).errors[0]?.code === 818).length;
    // 1000 / 15: 66 redemptions fit, whatever order they ran in.
    expect([won, lost]).toEqual([66, 34]);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(1000 - 66 * 15);
    expect((await redemptionDb.redemptions(f.orgId)).length).toBe(66);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  }, 600_000);
});
