import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/route";
import { bill, createEngineOrg, createFamily, engineDb, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { POST } from "./route";

type Answer = { createdId: number; warnings: { code: number }[]; errors: { code: number; message: string; field?: string }[]; sideEffects: { entityType: string; awardedPoints: number; rawAwardedPoints: number; programId: number; ownerId: number; conditionName: string; expiresOn: string | null }[] };

function post(authorization: string, mobile: string, body: unknown, headers: Record<string, string> = {}) {
  return callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
    method: "POST", headers: { authorization, "content-type": "application/json", ...headers }, body: JSON.stringify(body),
  }) as Promise<{ status: number; body: Answer; headers: Headers }>;
}

describe("POST /v2/transactions: seed 001's mutually exclusive workflow", () => {
  it("sends a member_card_swiped Yes bill to the group wallet and a No or absent one to the member's", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2);
    const ana = members[0]!;

    const yes = await post(f.authorization, ana.mobile, bill("B-YES", 1200.5, { extendedFields: { member_card_swiped: "Yes" } }));
    expect(yes.status).toBe(200);
    expect(yes.body.sideEffects).toEqual([
      expect.objectContaining({ type: "points", entityType: "USERGROUP2", awardedPoints: 120, rawAwardedPoints: 120, programId: f.defaultProgram.id, ownerId: group.id, conditionName: "User Group" }),
    ]);
    expect(yes.body.sideEffects[0]!.expiresOn).toBe("2027-11-20");

    const no = await post(f.authorization, ana.mobile, bill("B-NO", 300, { extendedFields: { member_card_swiped: "No" } }));
    const absent = await post(f.authorization, ana.mobile, bill("B-ABSENT", 500));
    expect(no.body.sideEffects).toEqual([expect.objectContaining({ entityType: "USER", awardedPoints: 30, ownerId: ana.id, conditionName: "Individual" })]);
    expect(absent.body.sideEffects).toEqual([expect.objectContaining({ entityType: "USER", awardedPoints: 50, ownerId: ana.id })]);

    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(120);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(80);
    const kpis = await engineDb.enrolment(f.defaultProgram.id, ana.id);
    expect([Number(kpis.lifetimePurchases), Number(kpis.lifetimePoints), kpis.visits]).toEqual([2000.5, 80, 3]);
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });

  it("pools a family of five into one group wallet", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 5);
    for (const [i, m] of members.entries()) {
      const r = await post(f.authorization, m.mobile, bill(`FAM-${i}`, 100 * (i + 1), { extendedFields: { member_card_swiped: "Yes" } }));
      expect(r.status).toBe(200);
    }
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(10 + 20 + 30 + 40 + 50);
    for (const m of members) expect(await walletBalance(f.orgId, "CUSTOMER", m.id, f.defaultProgram.id)).toBe(0);
  });

  it("credits a fleet owner's group with its drivers' transactions", async () => {
    const f = await createEngineOrg();
    const groupOnly = {
      activities: [{ activity: "TransactionAdd" as const, rulesets: [{ name: "Fleet", conditions: [{ name: "Fleet earn", expression: "currentCustomer.isGroupMember==true", whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION" as const, userEntity: "USER_GROUP" as const, allocation: { type: "PRORATED" as const, percent: 5 }, rounding: "FLOOR" as const, pointsKind: "REGULAR" as const, expiry: { type: "NEVER" as const } }], whenFalse: [] }] }] }],
    };
    await publishLive(f.orgId, f.defaultProgram.id, groupOnly);
    const { group, members } = await createFamily(f.orgId, 3, "FLEET-ACME");
    const [, driver1, driver2] = members;
    await post(f.authorization, driver1!.mobile, bill("FUEL-1", 2000));
    await post(f.authorization, driver2!.mobile, bill("FUEL-2", 1000));
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(150);
    const outsider = await createCustomer(f.orgId);
    const alone = await post(f.authorization, outsider.mobile, bill("FUEL-3", 1000));
    expect(alone.body.sideEffects).toEqual([]);
  });
});

describe("POST /v2/transactions: the rules of a bill", () => {
  it("replays a retried request, refuses the same key with another body, and a second bill number (604)", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 10 });
    const c = await createCustomer(f.orgId);
    const first = await post(f.authorization, c.mobile, bill("R-1", 100), { "Idempotency-Key": "pos-1" });
    const again = await post(f.authorization, c.mobile, bill("R-1", 100), { "Idempotency-Key": "pos-1" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await post(f.authorization, c.mobile, bill("R-1", 999), { "Idempotency-Key": "pos-1" });
    expect(other.status).toBe(409);
    const duplicate = await post(f.authorization, c.mobile, bill("R-1", 100));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0]).toMatchObject({ code: 604, message: "Transaction number already exists." });
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, f.defaultProgram.id)).toBe(10);
    expect(await engineDb.countBills({ orgId: f.orgId })).toBe(1);
  });

  it("gives the default rate to the member and the default group when no workflow is live", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 2 });
    const { group, members } = await createFamily(f.orgId, 2);
    const r = await post(f.authorization, members[1]!.mobile, bill("D-1", 1000));
    expect(r.body.sideEffects.map((s) => [s.entityType, s.awardedPoints])).toEqual([["USER", 20], ["USERGROUP2", 20]]);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(20);
    const off = await createEngineOrg();
    const c = await createCustomer(off.orgId);
    expect((await post(off.authorization, c.mobile, bill("D-2", 1000))).body.sideEffects).toEqual([]);
  });

  it("refuses undeclared extended fields and disallowed values with a 400 naming them, saving nothing", async () => {
    const f = await createEngineOrg();
    const c = await createCustomer(f.orgId);
    const unknown = await post(f.authorization, c.mobile, bill("X-1", 10, { extendedFields: { gender: "F" } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ code: 91016, message: "Extended field name gender is invalid.", field: "extendedFields.gender" });
    const bad = await post(f.authorization, c.mobile, bill("X-1", 10, { extendedFields: { member_card_swiped: "Maybe" } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.message).toContain("member_card_swiped does not allow \"Maybe\"");
    expect(await engineDb.countBills({ orgId: f.orgId })).toBe(0);
  });

  it("answers the vendor's codes for a bad bill, an unknown customer and a foreign group", async () => {
    const f = await createEngineOrg();
    const c = await createCustomer(f.orgId);
    const codes = async (body: unknown, mobile = c.mobile) => (await post(f.authorization, mobile, body)).body.errors.map((e) => e.code);
    expect(await codes({ type: "SALE", billNumber: "1", billAmount: 1 })).toEqual([605]);
    expect(await codes({ type: "REGULAR", billAmount: 1 })).toEqual([602]);
    expect(await codes({ type: "REGULAR", billNumber: "1", billAmount: -1 })).toEqual([631]);
    expect(await codes(bill("1", 10), "0000000000")).toEqual([8015]);
    const { group } = await createFamily(f.orgId, 1);
    expect(await codes(bill("2", 10, { userGroup2Id: group.id }))).toEqual([1619]);
  });
});
