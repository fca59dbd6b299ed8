import { describe, expect, it } from "vitest";
import { bill, createEngineOrg, createFamily, createTwoBrands, engineDb, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Answer = { errors: { code: number }[]; sideEffects: { entityType: string; rawAwardedPoints: number; programId: number }[] };

const post = (authorization: string, mobile: string, body: unknown) =>
  callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
    method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body),
  }) as Promise<{ status: number; body: Answer }>;

const ret = (billNumber: string, returnType: string, extra: Record<string, unknown> = {}) => ({ type: "RETURN", billNumber, returnType, billAmount: 0, purchaseTime: "2026-11-20T10:00:00Z", ...extra });

describe("returns (SPEC-vendor-api §C.3)", () => {
  it("claws back from the original purchase's program when the return comes from another program's till", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 10 });
    const [trendsBrand, jewelBrand] = await createTwoBrands(f.orgId);
    const trends = trendsBrand.program;
    const jewel = jewelBrand.program;
    const tillA = trendsBrand;
    const tillB = jewelBrand;
    const c = await createCustomer(f.orgId);

    const bought = await post(tillA.authorization, c.mobile, bill("MLP-1", 1000));
    expect(bought.body.sideEffects.map((s) => s.programId).sort()).toEqual([f.defaultProgram.id, trends.id].sort());
    const back = await post(tillB.authorization, c.mobile, ret("MLP-1", "AMOUNT", { billAmount: 250 }));
    expect(back.status).toBe(200);
    expect(back.body.sideEffects.map((s) => [s.programId, s.rawAwardedPoints]).sort()).toEqual([[f.defaultProgram.id, -25], [trends.id, -25]].sort());
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, trends.id)).toBe(75);
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(75);
    expect(await engineDb.countEnrolments(jewel.id)).toBe(0);
    const kpis = await engineDb.enrolment(trends.id, c.id);
    expect(Number(kpis.lifetimePurchases)).toBe(750);
  });

  it("takes partial returns cumulatively, refuses over-returns, mixing and a full return after a partial one", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 10 });
    const c = await createCustomer(f.orgId);
    await post(f.authorization, c.mobile, bill("P-1", 333, { lineItemsV2: [{ itemCode: "SKU-1", qty: 3, rate: 111, value: 333, amount: 333 }] }));
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(33);
    for (const amount of [111, 111]) expect((await post(f.authorization, c.mobile, ret("P-1", "AMOUNT", { billAmount: amount }))).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(11);
    const codes = async (body: unknown) => (await post(f.authorization, c.mobile, body)).body.errors.map((e) => e.code);
    expect(await codes(ret("P-1", "AMOUNT", { billAmount: 112 }))).toEqual([630]);
    expect(await codes(ret("P-1", "LINE_ITEM", { lineItemsV2: [{ itemCode: "SKU-1", qty: 1 }] }))).toEqual([632]);
    expect(await codes(ret("P-1", "FULL"))).toEqual([639]);
    expect(await codes(ret("NOPE", "FULL"))).toEqual([625]);
    expect(await codes(ret("P-1", "SOME"))).toEqual([1634]);
    expect((await post(f.authorization, c.mobile, ret("P-1", "AMOUNT", { billAmount: 111 }))).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(0);
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });

  it("returns line items by item code and quantity; a full return takes the rest", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 10 });
    const c = await createCustomer(f.orgId);
    await post(f.authorization, c.mobile, bill("L-1", 500, { lineItemsV2: [{ itemCode: "A", qty: 2, amount: 200 }, { itemCode: "B", qty: 1, amount: 300 }] }));
    const one = await post(f.authorization, c.mobile, ret("L-1", "LINE_ITEM", { lineItemsV2: [{ itemCode: "A", qty: 1 }] }));
    expect(one.body.sideEffects[0]!.rawAwardedPoints).toBe(-10);
    const codes = async (body: unknown) => (await post(f.authorization, c.mobile, body)).body.errors.map((e) => e.code);
    expect(await codes(ret("L-1", "LINE_ITEM", { lineItemsV2: [{ itemCode: "A", qty: 2 }] }))).toEqual([629]);
    expect(await codes(ret("L-1", "LINE_ITEM", { lineItemsV2: [{ itemCode: "Z", qty: 1 }] }))).toEqual([688]);
    expect(await codes(ret("L-1", "AMOUNT", { billAmount: 10 }))).toEqual([635]);
    expect((await post(f.authorization, c.mobile, ret("L-1", "LINE_ITEM", { lineItemsV2: [{ itemCode: "A", qty: 1 }, { itemCode: "B" }] }))).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(0);
    expect(await codes(ret("L-1", "FULL"))).toEqual([639]);
  });

  it("may take a group wallet below zero, never a member's (637)", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2);
    const [ana, ben] = members as [(typeof members)[number], (typeof members)[number]];
    await post(f.authorization, ana.mobile, bill("G-1", 1000, { extendedFields: { member_card_swiped: "Yes" } }));
    // The group spends its points elsewhere, then the bill comes back in full.
    await engineDb.spend(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 80);
    expect((await post(f.authorization, ana.mobile, ret("G-1", "FULL"))).status).toBe(200);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(-80);

    await post(f.authorization, ben.mobile, bill("I-1", 1000));
    await engineDb.spend(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ben.id }, 90);
    const refused = await post(f.authorization, ben.mobile, ret("I-1", "FULL"));
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]!.code).toBe(637);
    expect(await engineDb.countBills({ orgId: f.orgId, type: "RETURN", customerId: ben.id })).toBe(0);
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });
});
