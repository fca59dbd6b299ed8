import { describe, expect, it } from "vitest";
import { walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, grant, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { GET as IS_REDEEMABLE } from "./route";

describe("GET /v1.1/points/isredeemable", () => {
  it("says redeemable (800) or not with the strategy's code, moving nothing", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id, { minimumPoints: 50, multiplesOf: 10 }, "0.1");
    const ana = await createCustomer(f.orgId);
    await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 100);
    const ask = (q: string) => callRoute(IS_REDEEMABLE, `/v1.1/points/isredeemable?${q}`, { headers: { authorization: f.authorization } }) as Promise<{ status: number; body: { response: { responses: { points: { balance: number; redeemable: { is_redeemable: boolean; points_redeem_value: string; item_status: { code: number; message: string } } } } }; errors?: { code: number }[] } }>;
    const yes = await ask(`points=60&mobile=${ana.mobile}`);
    expect(yes.status).toBe(200);
    expect(yes.body.response.responses.points).toMatchObject({ balance: 100, redeemable: { is_redeemable: true, points_redeem_value: "6", item_status: { code: 800 } } });
    const no = await ask(`points=45&mobile=${ana.mobile}`);
    expect(no.body.response.responses.points.redeemable).toMatchObject({ is_redeemable: false, item_status: { code: 821 } });
    const tooMuch = await ask(`points=200&mobile=${ana.mobile}`);
    expect(tooMuch.body.response.responses.points.redeemable.item_status.code).toBe(818);
    expect((await ask("points=60&mobile=910000000001")).body.errors?.[0]?.code).toBe(8015);
    expect((await ask(`points=abc&mobile=${ana.mobile}`)).status).toBe(400);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(100);
  });
});
